'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { UserSelect, type AccountUser } from '@/components/cards/user-select';
import { buttonClasses } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import type { CardKind } from '@/db/schema';
import { idle } from '@/lib/action-result';
import { addCardAction } from '../actions';
import { LABEL_MAX } from '../limits';
import { KindChoice } from './kind-choice';

type AddCardFormProps = { accountId: string; users: AccountUser[]; userId?: string };

export function AddCardForm({ accountId, users, userId }: AddCardFormProps) {
  const t = useTranslations('CardForm');
  const [state, action] = useActionState(addCardAction, idle);
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const [kind, setKind] = useState<CardKind>(values?.kind === 'virtual' ? 'virtual' : 'physical');
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="accountId" value={accountId} />
      <KindChoice kind={kind} onChange={setKind} errors={errors?.kind} />
      {kind === 'physical' && (
        <TextField
          label={t('idTag')}
          name="idTag"
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="[&_input]:font-mono"
          hint={t('idTagHint')}
          defaultValue={values?.idTag}
          errors={errors?.idTag}
        />
      )}
      <TextField label={t('label')} name="label" maxLength={LABEL_MAX} placeholder={t('labelPlaceholder')} defaultValue={values?.label} errors={errors?.label} />
      <UserSelect users={users} defaultValue={values?.userId ?? userId} errors={errors?.userId} isRequired={kind === 'virtual'} />
      <TextField label={t('expiresOn')} name="expiresOn" type="date" hint={t('expiresOnHint')} defaultValue={values?.expiresOn} errors={errors?.expiresOn} className="[&_input]:max-w-60" />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
        <Link href="/cards" className={buttonClasses('ghost')}>
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
