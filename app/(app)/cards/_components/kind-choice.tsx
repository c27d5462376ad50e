'use client';

import { useTranslations } from 'next-intl';
import { FieldErrors } from '@/components/ui/field-errors';
import type { CardKind } from '@/db/schema';
import type { ValidationKey } from '@/lib/action-result';

const KINDS = ['physical', 'virtual'] as const satisfies readonly CardKind[];

type KindChoiceProps = { kind: CardKind; onChange: (kind: CardKind) => void; errors?: ValidationKey[] };

// Uncontrolled on purpose: React resets a form after its action runs, and a reset restores defaultChecked,
// which React keeps in step with `kind`; a controlled `checked` would come back as the first render's choice.
export function KindChoice({ kind, onChange, errors }: KindChoiceProps) {
  const t = useTranslations('CardForm');
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby="kind-errors">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t('kindLegend')}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {KINDS.map((option) => (
          <label
            key={option}
            className={`flex cursor-pointer gap-3 rounded-xl p-4 ring-1 transition ${
              kind === option ? 'bg-brand-50 ring-2 ring-brand-500' : 'bg-white ring-slate-300 hover:bg-slate-50'
            }`}
          >
            <input
              type="radio"
              name="kind"
              value={option}
              defaultChecked={kind === option}
              onChange={() => onChange(option)}
              className="mt-0.5 size-4 shrink-0 accent-brand-600"
            />
            <span className="flex flex-col gap-1">
              <span className="text-sm font-semibold text-slate-900">{t(option)}</span>
              <span className="text-sm text-slate-600">{t(option === 'physical' ? 'physicalHint' : 'virtualHint')}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id="kind-errors" errors={errors} />
    </fieldset>
  );
}
