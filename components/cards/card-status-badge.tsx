import { useTranslations } from 'next-intl';
import type { CardState } from '@/domain/cards/card-state';

const TONES = {
  active: 'bg-emerald-100 text-emerald-800',
  blocked: 'bg-red-100 text-red-800',
  expired: 'bg-amber-100 text-amber-900',
} as const satisfies Record<CardState, string>;

export function CardStatusBadge({ state }: { state: CardState }) {
  const t = useTranslations('CardStatus');
  return (
    <span data-testid="card-status" data-state={state} className={`inline-flex items-center rounded-full px-2.5 py-1 text-xs font-semibold ${TONES[state]}`}>
      {t(state)}
    </span>
  );
}
