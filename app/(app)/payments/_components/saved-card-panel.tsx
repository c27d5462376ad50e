import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { SaveCardButton } from '@/components/payments/save-card-button';
import { getSavedCard } from '@/domain/data/saved-cards';
import { db } from '@/lib/db';
import { removeSavedCardAction } from '../card-actions';

type SavedCardPanelProps = { accountId: string; userId: string; returned: string | undefined };

// The member's card for monthly settlement, where the account takes Stripe: the one saved (brand, last four digits,
// expiry) with its Remove, or the way to save one.
export async function SavedCardPanel({ accountId, userId, returned }: SavedCardPanelProps) {
  const [t, card] = await Promise.all([getTranslations('PaymentsPage'), getSavedCard(db(), { accountId, userId })]);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">{t('savedCardTitle')}</h2>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">{t('savedCardIntro')}</p>
      <div className="mb-4 empty:hidden">
        {returned === 'saved' && <Alert tone={card ? 'success' : 'info'}>{card ? t('cardSavedNotice') : t('cardPendingNotice')}</Alert>}
        {returned === 'cancelled' && <Alert tone="info">{t('cardCancelledNotice')}</Alert>}
      </div>
      {card ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between" data-testid="saved-card">
          <div>
            <p className="font-medium">{t('savedCard', { brand: t('cardBrand', { brand: card.brand }), last4: card.last4 })}</p>
            <p className="mt-1 text-sm text-slate-600">{t('savedCardExpiry', { month: String(card.expMonth).padStart(2, '0'), year: String(card.expYear) })}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <SaveCardButton accountId={accountId} label={t('replaceCard')} />
            <ConfirmForm action={removeSavedCardAction} fields={{ accountId }} label={t('removeCard')} confirm={t('removeCardConfirm')} done={t('cardRemoved')} />
          </div>
        </div>
      ) : (
        <SaveCardButton accountId={accountId} label={t('saveCard')} />
      )}
    </Card>
  );
}
