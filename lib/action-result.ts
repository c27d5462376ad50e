import type { z } from 'zod';
import type { Messages } from '@/lib/i18n/messages';

export type ValidationKey = keyof Messages['Validation'];
export type ErrorKey = keyof Messages['Errors'];

export type ActionResult<T = null> =
  | { status: 'idle' }
  | { status: 'ok'; data: T }
  | {
      status: 'error';
      formError?: ErrorKey;
      formErrorValues?: Record<string, string | number>;
      fieldErrors?: Record<string, ValidationKey[]>;
      // The values of placeholders in the field errors (Validation.tooManyAttempts: minutes).
      fieldErrorValues?: Record<string, string | number>;
      // What the user typed, so the form can show it again; never includes passwords.
      values?: Record<string, string>;
    };

export const idle: ActionResult<never> = { status: 'idle' };

export function ok<T>(data: T): ActionResult<T> {
  return { status: 'ok', data };
}

export function fail(
  formError: ErrorKey,
  extra: { values?: Record<string, string>; formErrorValues?: Record<string, string | number> } = {},
): ActionResult<never> {
  return { status: 'error', formError, ...extra };
}

export function fieldError(field: string, key: ValidationKey, values?: Record<string, string>, fieldErrorValues?: Record<string, string | number>): ActionResult<never> {
  return { status: 'error', fieldErrors: { [field]: [key] }, values, ...(fieldErrorValues && { fieldErrorValues }) };
}

// Zod messages are Validation keys (see lib/validation.ts), collected per field.
export function invalid(error: z.ZodError, values?: Record<string, string>): ActionResult<never> {
  const fieldErrors: Record<string, ValidationKey[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message as ValidationKey);
  }
  return { status: 'error', fieldErrors, values };
}

// A server action can be called with any serializable arguments, not only the form it expects:
// anything but FormData reads as an empty form, which every schema then refuses field by field.
export function formFields(form: unknown): Record<string, FormDataEntryValue> {
  return form instanceof FormData ? Object.fromEntries(form) : {};
}

// The fields of a form as strings, without any whose name mentions a password.
export function formValues(form: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(form instanceof FormData)) return values;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !/password/i.test(name) && !name.startsWith('$')) values[name] = value;
  }
  return values;
}
