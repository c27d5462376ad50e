'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './button';

type SubmitButtonProps = { label: string; pendingLabel?: string; variant?: ButtonVariant; className?: string };

// Disabled while the action runs, so a double click submits once.
export function SubmitButton({ label, pendingLabel, variant, className }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending} aria-disabled={pending}>
      {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {pending ? (pendingLabel ?? label) : label}
    </Button>
  );
}
