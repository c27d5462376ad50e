'use client';

import { useActionState, type ReactNode } from 'react';
import { idle, type ActionResult } from '@/lib/action-result';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import type { ButtonVariant } from './button';

type ConfirmFormProps = {
  action: (previous: ActionResult, form: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: ButtonVariant;
  done?: ReactNode;
};

// A one-button form for a single action on a row (revoke, remove, resend), asking first when it is destructive.
export function ConfirmForm({ action, fields, label, confirm, variant = 'secondary', done }: ConfirmFormProps) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="flex flex-col items-end gap-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === 'ok' && done}
      <FormAlert state={state} />
      <SubmitButton label={label} variant={variant} className="px-3 py-1.5" />
    </form>
  );
}
