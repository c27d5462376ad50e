'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import { syncCardsAction, type SyncSummary } from '../sync-actions';

export function SyncForm({ accountId }: { accountId: string }) {
  const t = useTranslations('CardSync');
  const [state, action] = useActionState<ActionResult<SyncSummary>, FormData>(syncCardsAction, idle);
  const summary = state.status === 'ok' ? state.data : null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="accountId" value={accountId} />
      <FormAlert state={state} />
      {summary && (
        <div data-testid="sync-result">
          <Alert tone={summary.total === 0 || summary.failed > 0 ? 'error' : summary.pending > 0 ? 'info' : 'success'}>
            {summary.total === 0 ? t('noOnlineChargers', { version: summary.version }) : t('result', summary)}
          </Alert>
        </div>
      )}
      <SubmitButton label={t('sync')} pendingLabel={t('syncing')} variant="secondary" className="self-start" />
    </form>
  );
}
