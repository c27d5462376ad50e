'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type FormEvent } from 'react';
import { UserSelect, type AccountUser } from '@/components/cards/user-select';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import type { CardKind, CardStatus } from '@/db/schema';
import { idle } from '@/lib/action-result';
import { deleteCardAction, editCardAction, setCardStatusAction } from '../actions';
import { LABEL_MAX } from '../limits';

export type EditableCard = {
  accountId: string;
  id: string;
  kind: CardKind;
  label: string;
  displayName: string;
  userId: string | null;
  status: CardStatus;
  // YYYY-MM-DD in the viewer's time zone, for the date input.
  expiresOn: string;
};

function Claim({ card }: { card: EditableCard }) {
  return (
    <>
      <input type="hidden" name="accountId" value={card.accountId} />
      <input type="hidden" name="cardId" value={card.id} />
    </>
  );
}

export function EditCardForm({ card, users }: { card: EditableCard; users: AccountUser[] }) {
  const t = useTranslations('CardDetail');
  const tForm = useTranslations('CardForm');
  const [state, action] = useActionState(editCardAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <Card>
      <h2 className="font-semibold">{t('editTitle')}</h2>
      <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
        <Claim card={card} />
        <FormAlert state={state} />
        {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
        <TextField label={tForm('label')} name="label" maxLength={LABEL_MAX} placeholder={tForm('labelPlaceholder')} defaultValue={values?.label ?? card.label} errors={errors?.label} />
        <UserSelect users={users} defaultValue={values?.userId ?? card.userId ?? ''} errors={errors?.userId} isRequired={card.kind === 'virtual'} />
        <TextField label={tForm('expiresOn')} name="expiresOn" type="date" hint={tForm('expiresOnHint')} defaultValue={values?.expiresOn ?? card.expiresOn} errors={errors?.expiresOn} className="[&_input]:max-w-60" />
        <SubmitButton label={t('save')} className="self-start" />
      </form>
    </Card>
  );
}

export function CardAccessCard({ card }: { card: EditableCard }) {
  const t = useTranslations('CardDetail');
  const [state, action] = useActionState(setCardStatusAction, idle);
  const isBlocked = card.status === 'blocked';
  return (
    <Card>
      <h2 className="font-semibold">{t('accessTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t(isBlocked ? 'unblockBody' : 'blockBody')}</p>
      <form action={action} className="mt-4 flex flex-col gap-3">
        <Claim card={card} />
        <input type="hidden" name="status" value={isBlocked ? 'active' : 'blocked'} />
        <FormAlert state={state} />
        <SubmitButton label={t(isBlocked ? 'unblock' : 'block')} variant={isBlocked ? 'primary' : 'secondary'} className="self-start" />
      </form>
    </Card>
  );
}

const confirmWith = (message: string) => (event: FormEvent) => {
  if (!window.confirm(message)) event.preventDefault();
};

export function DeleteCardCard({ card }: { card: EditableCard }) {
  const t = useTranslations('CardDetail');
  const [state, action] = useActionState(deleteCardAction, idle);
  return (
    <Card className="ring-red-200">
      <h2 className="font-semibold text-red-800">{t('deleteTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('deleteBody')}</p>
      <form action={action} onSubmit={confirmWith(t('deleteConfirm', { name: card.displayName }))} className="mt-4 flex flex-col gap-3">
        <Claim card={card} />
        <FormAlert state={state} />
        <SubmitButton label={t('delete')} variant="danger" className="self-start" />
      </form>
    </Card>
  );
}
