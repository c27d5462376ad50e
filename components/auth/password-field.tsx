'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { ValidationKey } from '@/lib/action-result';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password-limits';
import { passwordStrength, type StrengthLevel } from './password-strength';

const BAR: Record<StrengthLevel, string> = {
  weak: 'w-1/4 bg-red-500',
  fair: 'w-2/4 bg-amber-500',
  good: 'w-3/4 bg-lime-500',
  strong: 'w-full bg-brand-600',
};

type PasswordFieldProps = { label: string; name: string; hint?: string; errors?: ValidationKey[]; errorValues?: Record<string, string | number>; isNew?: boolean };

export function PasswordField({ label, name, hint, errors, errorValues, isNew = false }: PasswordFieldProps) {
  const t = useTranslations('PasswordStrength');
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const level = passwordStrength(value);

  // Uncontrolled, so React's reset after a submit clears it like any password field; follow that.
  useEffect(() => {
    const form = input.current?.form;
    const clear = () => setValue('');
    form?.addEventListener('reset', clear);
    return () => form?.removeEventListener('reset', clear);
  }, []);

  return (
    <div className="flex flex-col gap-2">
      <TextField
        label={label}
        name={name}
        type="password"
        required
        maxLength={PASSWORD_MAX}
        minLength={isNew ? PASSWORD_MIN : undefined}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        errors={errors}
        errorValues={errorValues}
        hint={hint}
        ref={input}
        onChange={(event) => setValue(event.target.value)}
      />
      {isNew && value.length > 0 && (
        <div aria-live="polite">
          <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100">
            <div className={`h-full rounded-full transition-all ${BAR[level]}`} />
          </div>
          <p className="mt-1 text-xs text-slate-600">{t('label', { level })}</p>
        </div>
      )}
    </div>
  );
}
