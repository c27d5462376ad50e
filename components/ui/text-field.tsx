'use client';

import { useId, type ComponentProps, type ReactNode } from 'react';
import type { ValidationKey } from '@/lib/action-result';
import { FieldErrors } from './field-errors';

type TextFieldProps = ComponentProps<'input'> & {
  label: string;
  name: string;
  errors?: ValidationKey[];
  errorValues?: Record<string, string | number>;
  hint?: ReactNode;
};

export function TextField({ label, name, errors, errorValues, hint, className = '', ...input }: TextFieldProps) {
  const id = useId();
  const hasErrors = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-errors`].filter(Boolean).join(' ');
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-base shadow-sm transition focus:ring-2 sm:text-sm ${
          hasErrors ? 'border-red-400 focus:ring-red-200' : 'border-slate-300 focus:border-brand-500 focus:ring-brand-100'
        } disabled:bg-slate-100 disabled:text-slate-500`}
        {...input}
      />
      {hint && (
        <div id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </div>
      )}
      <FieldErrors id={`${id}-errors`} errors={errors} values={errorValues} />
    </div>
  );
}
