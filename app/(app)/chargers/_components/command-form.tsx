'use client';

import type { FormEvent, ReactNode } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';

type Target = { accountId: string; chargerId: string };

function confirmFirst(message?: string) {
  return (event: FormEvent) => {
    if (message && !window.confirm(message)) event.preventDefault();
  };
}

type CommandFormProps = { target: Target; action: (form: FormData) => void; fields: Record<string, string | number>; label: string; confirm?: string; disabled: boolean; variant?: 'secondary' | 'danger'; children?: ReactNode };

export function CommandForm({ target, action, fields, label, confirm, disabled, variant = 'secondary', children }: CommandFormProps) {
  return (
    <form action={action} onSubmit={confirmFirst(confirm)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <fieldset disabled={disabled} className="contents">
        <SubmitButton label={label} variant={variant} />
      </fieldset>
    </form>
  );
}
