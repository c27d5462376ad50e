'use client';

import { useId, type ComponentProps } from 'react';
import type { ValidationKey } from '@/lib/action-result';
import { FieldErrors } from './field-errors';

type TextAreaFieldProps = ComponentProps<'textarea'> & { label: string; name: string; errors?: ValidationKey[] };

// A multi-line field (pasted data, a PEM certificate) with its label and its errors read out.
export function TextAreaField({ label, name, errors, className = '', ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-describedby={`${id}-errors`}
        aria-invalid={Boolean(errors?.length) || undefined}
        className={`block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono ${className}`}
        {...textarea}
      />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
