import 'server-only';
import type { z } from 'zod';
import { fail, formFields, formValues, invalid, type ActionResult, type ErrorKey } from '@/lib/action-result';
import { roleAllows, type AccountPermission } from '@/domain/people/roles';
import { getMembershipClaim, type Membership } from '@/lib/authz';

type Claim = { accountId: string };

export type MemberContext<Input> = {
  input: Input;
  member: Membership;
  // What the user typed (no passwords), for a form that shows it again with an error.
  values: Record<string, string>;
};

// What a form answers when its fields do not parse, given zod's error and what the user typed.
export type InvalidAnswer = (error: z.ZodError, values: Record<string, string>) => ActionResult<never>;

export type MemberActionOptions = {
  // For forms of hidden fields only (ids the page wrote): a bad parse means the target is gone, so the
  // action answers this error instead of field errors, and echoes nothing back. A function answers for a form that
  // mixes hidden fields with fields the user types (see hiddenFieldsAs).
  onInvalid?: ErrorKey | InvalidAnswer;
  // What the member's role must allow: `manage` (the default: owners and co-owners) or `charge` (drivers and guests too).
  permission?: AccountPermission;
};

// Parse → membership of the claimed account → call: the accountId in a form is only a claim until
// the session user's membership row confirms it. A non-member gets `forbidden` and nothing runs; a member without
// the second factor the account requires gets `twoFactorRequired`; a member whose role does not allow the action (a
// driver or guest at anything but their own charging) gets `coOwnersOnly`.
export async function asMember<Schema extends z.ZodType<Claim>, T>(
  fields: Record<string, unknown>,
  values: Record<string, string>,
  schema: Schema,
  fn: (context: MemberContext<z.output<Schema>>) => Promise<ActionResult<NoInfer<T>>>,
  { onInvalid, permission = 'manage' }: MemberActionOptions = {},
): Promise<ActionResult<T>> {
  const echoed = typeof onInvalid === 'string' ? {} : { values };
  const input = schema.safeParse(fields);
  if (!input.success) {
    if (typeof onInvalid === 'function') return onInvalid(input.error, values);
    return onInvalid ? fail(onInvalid) : invalid(input.error, values);
  }
  const member = await getMembershipClaim(input.data.accountId);
  if (!member) return fail('forbidden', echoed);
  if (member.twoFactorMissing) return fail('twoFactorRequired', echoed);
  if (!roleAllows(member.role, permission)) return fail('coOwnersOnly', echoed);
  return fn({ input: input.data, member, values });
}

// A form with hidden fields (ids the page wrote) beside typed ones: an error of a hidden field has no field to stand
// next to, so it is said above the form as `formError`; the typed fields keep their own errors and values.
export function hiddenFieldsAs(hidden: readonly string[], formError: ErrorKey): InvalidAnswer {
  return (error, values) => {
    const answer = invalid(error, values);
    if (answer.status !== 'error' || !answer.fieldErrors) return answer;
    const { fieldErrors, ...rest } = answer;
    const shown = Object.entries(fieldErrors).filter(([field]) => !hidden.includes(field));
    if (shown.length === Object.keys(fieldErrors).length) return answer;
    return { ...rest, formError, ...(shown.length > 0 && { fieldErrors: Object.fromEntries(shown) }) };
  };
}

// A server action for useActionState whose form acts in one account: every such action is one of these.
export function memberAction<Schema extends z.ZodType<Claim>, T = null>(
  schema: Schema,
  fn: (context: MemberContext<z.output<Schema>>) => Promise<ActionResult<NoInfer<T>>>,
  options: MemberActionOptions = {},
): (previous: ActionResult<T>, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => asMember(formFields(form), formValues(form), schema, fn, options);
}
