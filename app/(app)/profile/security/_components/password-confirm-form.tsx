'use client';

import { useActionState, type ReactNode } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ButtonVariant } from '@/components/ui/button';
import { idle, type ActionResult } from '@/lib/action-result';

type PasswordConfirmFormProps<T> = {
  action: (previous: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
  passwordLabel: string;
  submitLabel: string;
  variant?: ButtonVariant;
  fields?: Record<string, string>;
  done?: (data: T) => ReactNode;
};

// A change to how the user logs in, confirmed with their current password.
export function PasswordConfirmForm<T>({ action, passwordLabel, submitLabel, variant = 'secondary', fields = {}, done }: PasswordConfirmFormProps<T>) {
  const [state, formAction] = useActionState(action, idle);
  if (state.status === 'ok' && done) return <>{done(state.data)}</>;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormAlert state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <PasswordField label={passwordLabel} name="currentPassword" errors={errors?.currentPassword} errorValues={state.status === 'error' ? state.fieldErrorValues : undefined} />
      <SubmitButton label={submitLabel} variant={variant} className="self-start" />
    </form>
  );
}
