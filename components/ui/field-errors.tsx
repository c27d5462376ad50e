'use client';

import { useTranslations } from 'next-intl';
import type { ValidationKey } from '@/lib/action-result';
import { PASSWORD_MIN, PASSWORD_MAX } from '@/lib/password-limits';

type FieldErrorsProps = { id: string; errors?: ValidationKey[]; values?: Record<string, string | number> };

export function FieldErrors({ id, errors, values }: FieldErrorsProps) {
  const t = useTranslations('Validation');
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-700 empty:hidden">
      {errors?.map((key) => (
        <p key={key}>{t(key, { min: PASSWORD_MIN, max: PASSWORD_MAX, ...values })}</p>
      ))}
    </div>
  );
}
