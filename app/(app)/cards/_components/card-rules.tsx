'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { updateCardRulesAction } from '../rule-actions';

// The account's cards share one household tag at the chargers; this is the rule the owner may add on top.
export function CardRules({ accountId, isOneSessionPerCard }: { accountId: string; isOneSessionPerCard: boolean }) {
  const t = useTranslations('CardRules');
  const [state, action] = useActionState(updateCardRulesAction, idle);
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">{t('household')}</p>
      <form action={action} className="mt-4 flex flex-col gap-3">
        <input type="hidden" name="accountId" value={accountId} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="isOneSessionPerCard" defaultChecked={isOneSessionPerCard} className="mt-1" />
          <span>
            <span className="font-medium">{t('oneSession')}</span>
            <span className="block text-slate-600">{t('oneSessionBody')}</span>
          </span>
        </label>
        {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
        <FormAlert state={state} />
        <SubmitButton label={t('save')} variant="secondary" className="self-start" />
      </form>
    </Card>
  );
}
