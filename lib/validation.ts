import { z } from 'zod';
import type { ValidationKey } from '@/lib/action-result';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password-limits';

// Every message is a key of the Validation namespace, translated where the error is shown.
export const key = (message: ValidationKey) => ({ message });

// Empty form fields arrive as '' (or blanks) and mean "not given".
export const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// A checkbox: ticked when the form sends "on", as a browser does; absent or any other value is not ticked, so a
// checkbox never has an error to show.
export const checkboxField = z.preprocess((value) => value === 'on', z.boolean());

// The account a form acts in. Only a claim: lib/member-action.ts checks the session's membership of it.
export const accountClaim = z.object({ accountId: z.uuid(key('required')) });

// Control characters (NUL, escape, line breaks…) have no place in a one-line text, and PostgreSQL
// refuses NUL outright: refused next to the field rather than failing at the database.
export function singleLine<T extends z.ZodType<string>>(field: T) {
  return field.refine((value) => !/\p{Cc}/u.test(value), key('controlCharacters'));
}


export const emailField = z
  .string(key('required'))
  .trim()
  .min(1, key('required'))
  .max(254, key('tooLong'))
  .pipe(z.email(key('emailInvalid')));

export const nameField = singleLine(z.string(key('required')).trim().min(1, key('required')).max(100, key('tooLong')));

export const newPasswordField = z
  .string(key('required'))
  .min(PASSWORD_MIN, key('passwordTooShort'))
  .max(PASSWORD_MAX, key('passwordTooLong'));

export const tokenField = z.string(key('required')).min(1, key('required')).max(200, key('tokenInvalid'));

// A code of an authenticator app (six digits) or a recovery code (ten characters, with or without the dash).
export const secondFactorCodeField = singleLine(z.string(key('required')).trim().min(1, key('required')).max(40, key('codeInvalid')));

export const currentPasswordField = z.string(key('required')).min(1, key('required')).max(PASSWORD_MAX, key('passwordTooLong'));

// A calendar day PostgreSQL and people can both use: ISO format, years 1970 to 9999 (z.iso.date()
// alone lets "0000-01-01" through, which the database refuses).
export function isoDay(message?: { message: ValidationKey }) {
  return z.iso.date(message).refine((value) => value >= '1970-01-01' && value <= '9999-12-31', message);
}

// A list's page in the URL: links are edited by hand, so a value that does not parse means page 1.
export const pageField = z.coerce.number().int().min(1).max(1_000_000).catch(1);
