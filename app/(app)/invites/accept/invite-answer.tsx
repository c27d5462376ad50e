'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import { acceptInviteAction, declineInviteAction, type InviteAnswer } from '../actions';

export function InviteAnswerForms({ token }: { token: string }) {
  const t = useTranslations('InvitePage');
  const [accepted, accept] = useActionState<ActionResult<InviteAnswer>, FormData>(acceptInviteAction, idle);
  const [declined, decline] = useActionState<ActionResult<InviteAnswer>, FormData>(declineInviteAction, idle);
  const answer = declined.status === 'ok' ? declined.data : accepted.status === 'ok' ? accepted.data : null;
  if (answer === 'declined') {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="info">{t('declined')}</Alert>
        <Link href="/dashboard" className={buttonClasses('secondary')}>
          {t('dashboard')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {answer && <Alert tone="error">{t(answer)}</Alert>}
      <FormAlert state={accepted} />
      <form action={accept}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('accept')} className="w-full" />
      </form>
      <form action={decline}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('decline')} variant="ghost" className="w-full" />
      </form>
    </div>
  );
}
