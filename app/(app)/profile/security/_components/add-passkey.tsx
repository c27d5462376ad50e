'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PasskeyButton } from '@/components/auth/passkey-button';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/text-field';
import { addPasskeyAction, passkeyEnrolmentOptionsAction } from '../actions';
import { RecoveryCodes } from './recovery-codes';

export function AddPasskey({ suggestedName }: { suggestedName: string }) {
  const t = useTranslations('SecurityPage');
  const [name, setName] = useState(suggestedName);
  return (
    <div className="flex flex-col gap-3">
      <TextField label={t('passkeyName')} name="name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} hint={t('passkeyNameHint')} />
      <PasskeyButton
        label={t('addPasskey')}
        kind="register"
        getOptions={passkeyEnrolmentOptionsAction}
        action={addPasskeyAction}
        fields={{ name: name.trim() || suggestedName }}
        done={(data) => (
          <div className="flex flex-col gap-3">
            <Alert tone="success">{t('passkeyAdded')}</Alert>
            {data.recoveryCodes && <RecoveryCodes codes={data.recoveryCodes} />}
          </div>
        )}
      />
    </div>
  );
}
