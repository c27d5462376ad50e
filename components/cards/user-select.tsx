'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import type { ValidationKey } from '@/lib/action-result';

export type AccountUser = { id: string; name: string; email: string };

type UserSelectProps = { users: AccountUser[]; defaultValue?: string; errors?: ValidationKey[]; isRequired?: boolean };

export function UserSelect({ users, defaultValue, errors, isRequired = false }: UserSelectProps) {
  const t = useTranslations('CardForm');
  const id = useId();
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('user')}
      </label>
      <select
        id={id}
        name="userId"
        defaultValue={defaultValue ?? ''}
        required={isRequired}
        aria-invalid={hasErrors || undefined}
        aria-describedby={`${id}-hint ${id}-errors`}
        className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-base shadow-sm transition focus:ring-2 sm:text-sm ${
          hasErrors ? 'border-red-400 focus:ring-red-200' : 'border-slate-300 focus:border-brand-500 focus:ring-brand-100'
        }`}
      >
        <option value="">{t('noUser')}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name} ({user.email})
          </option>
        ))}
      </select>
      <div id={`${id}-hint`} className="text-sm text-slate-500">
        {t('userHint')}
      </div>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
