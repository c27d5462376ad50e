'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import type { ActivationResult } from '@/lib/accounts/activation';
import { activateAction } from './actions';

export function ActivateForm({ token }: { token: string }) {
  const t = useTranslations('ActivatePage');
  const [state, action] = useActionState<ActionResult<ActivationResult>, FormData>(activateAction, idle);
  const problem = state.status === 'ok' && state.data !== 'activated' ? state.data : null;
  return (
    <form action={action} className="flex flex-col gap-5">
      {problem && <Alert tone="error">{t(problem)}</Alert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={t('submit')} className="w-full" />
    </form>
  );
}
