'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useCopied } from './use-copied';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useTranslations('ChargerConnection');
  const [isCopied, copy] = useCopied(value);
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2.5 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          onClick={copy}
          className="shrink-0 rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          <span aria-live="polite">{isCopied ? t('copied') : t('copy')}</span>
        </button>
      </div>
    </div>
  );
}
