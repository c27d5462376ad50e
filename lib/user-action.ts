import 'server-only';
import type { z } from 'zod';
import { fail, formFields, formValues, invalid, type ActionResult, type ErrorKey } from '@/lib/action-result';
import type { PublicUser } from '@/domain/data/users';
import { getSessionUser } from '@/lib/session';

export type UserContext<Input> = {
  input: Input;
  user: PublicUser;
  fields: Record<string, FormDataEntryValue>;
  values: Record<string, string>;
};

export type UserActionOptions<T> = {
  // For forms of hidden fields only: a bad parse means the target is gone, so the action answers this
  // (an error key, or an answer built from the raw fields and the parse's errors) instead of field errors.
  onInvalid?: ErrorKey | ((fields: Record<string, FormDataEntryValue>, parsed: { error: z.ZodError; values: Record<string, string> }) => ActionResult<T>);
};

// A server action for useActionState that acts as the signed-in user, in no particular account
// (their profile, their invites, charging with their own card): session → parse → call.
export function userAction<Schema extends z.ZodType, T = null>(
  schema: Schema,
  fn: (context: UserContext<z.output<Schema>>) => Promise<ActionResult<NoInfer<T>>>,
  { onInvalid }: UserActionOptions<NoInfer<T>> = {},
): (previous: ActionResult<T>, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => {
    const user = await getSessionUser();
    if (!user) return fail('sessionExpired');
    // A form's action called with anything but a form (a script's hand-made call) has nothing to act on.
    if (!(form instanceof FormData)) return fail('generic');
    const fields = formFields(form);
    const values = formValues(form);
    const input = schema.safeParse(fields);
    if (!input.success) {
      if (typeof onInvalid === 'function') return onInvalid(fields, { error: input.error, values });
      return onInvalid ? fail(onInvalid) : invalid(input.error, values);
    }
    return fn({ input: input.data, user, fields, values });
  };
}
