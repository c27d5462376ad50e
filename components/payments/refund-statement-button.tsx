'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { refundStatementAction } from '@/app/(app)/payments/actions';

type RefundStatementButtonProps = { accountId: string; statementId: string; amount: string };

// "Refund" on a statement paid online, for owners and co-owners; it asks first, as the money leaves at once.
export function RefundStatementButton({ accountId, statementId, amount }: RefundStatementButtonProps) {
  const t = useTranslations('PaymentsPage');
  return (
    <ConfirmForm
      action={refundStatementAction}
      fields={{ accountId, statementId }}
      label={t('refund')}
      confirm={t('refundConfirm', { amount })}
      done={<Alert tone="success">{t('refunded')}</Alert>}
    />
  );
}
