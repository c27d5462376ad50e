'use client';

import { useTranslations } from 'next-intl';
import { ChoiceCard } from '@/components/ui/choice-card';
import { FieldErrors } from '@/components/ui/field-errors';
import type { CardKind } from '@/db/schema';
import type { ValidationKey } from '@/lib/action-result';

const KINDS = ['physical', 'virtual'] as const satisfies readonly CardKind[];

type KindChoiceProps = { kind: CardKind; onChange: (kind: CardKind) => void; errors?: ValidationKey[] };

export function KindChoice({ kind, onChange, errors }: KindChoiceProps) {
  const t = useTranslations('CardForm');
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby="kind-errors">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t('kindLegend')}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {KINDS.map((option) => (
          <ChoiceCard
            key={option}
            name="kind"
            value={option}
            isChosen={kind === option}
            title={t(option)}
            hint={t(option === 'physical' ? 'physicalHint' : 'virtualHint')}
            onChoose={() => onChange(option)}
          />
        ))}
      </div>
      <FieldErrors id="kind-errors" errors={errors} />
    </fieldset>
  );
}
