import { getTranslations } from 'next-intl/server';
import type { CardChargeState } from '@/domain/data/card-charge-state';

// What became of charging the member's saved card for a statement still due: under way, or failed (pay by checkout).
export async function CardChargeNote({ state }: { state: CardChargeState | null }) {
  if (state !== 'pending' && state !== 'failed') return null;
  const t = await getTranslations('PaymentsPage');
  return (
    <p className={`mt-1 text-sm ${state === 'failed' ? 'text-red-700' : 'text-slate-600'}`} data-testid="card-charge" role="status">
      {state === 'pending' ? t('chargingSavedCard') : t('savedCardFailed')}
    </p>
  );
}
