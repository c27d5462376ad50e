'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { confirmAuthenticatorAction, startAuthenticatorAction } from '../actions';
import { RecoveryCodes } from './recovery-codes';

// Scan (or type) the secret, then prove it with the first code: only then is the app turned on.
export function AuthenticatorSetup() {
  const t = useTranslations('SecurityPage');
  const [started, start] = useActionState(startAuthenticatorAction, idle);
  const [confirmed, confirm] = useActionState(confirmAuthenticatorAction, idle);
  const router = useRouter();

  // The page is not refreshed by the action, or the codes would be gone before they were read: the user says when.
  if (confirmed.status === 'ok') {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{t('authenticatorOn')}</Alert>
        <RecoveryCodes codes={confirmed.data.codes} />
        <Button className="self-start" onClick={() => router.refresh()}>
          {t('codesSaved')}
        </Button>
      </div>
    );
  }
  if (started.status !== 'ok') {
    return (
      <form action={start} className="flex flex-col gap-3">
        <FormAlert state={started} />
        <SubmitButton label={t('setUpAuthenticator')} className="self-start" />
      </form>
    );
  }

  const errors = confirmed.status === 'error' ? confirmed.fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-5">
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-slate-700">
        <li>{t('scanStep')}</li>
        <li>{t('codeStep')}</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        {/* Drawn on the server by the qrcode package from the otpauth:// URI: markup of ours, not of the user. */}
        <div
          role="img"
          aria-label={t('qrLabel')}
          data-testid="totp-qr"
          className="size-44 shrink-0 rounded-lg bg-white p-2 ring-1 ring-slate-200"
          dangerouslySetInnerHTML={{ __html: started.data.qrSvg }}
        />
        <div className="flex w-full min-w-0 flex-col gap-3">
          <CopyField label={t('secretLabel')} value={started.data.secret} testId="totp-secret" />
          <p className="text-sm text-slate-500">{t('secretHint')}</p>
        </div>
      </div>
      <form action={confirm} className="flex flex-col gap-3" noValidate>
        <FormAlert state={confirmed} />
        <TextField
          label={t('firstCode')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={10}
          required
          errors={errors?.code}
          errorValues={confirmed.status === 'error' ? confirmed.fieldErrorValues : undefined}
        />
        <SubmitButton label={t('turnOnAuthenticator')} className="self-start" />
      </form>
    </div>
  );
}
