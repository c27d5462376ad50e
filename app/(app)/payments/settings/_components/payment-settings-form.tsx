'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { CopyField } from '@/components/ui/copy-field';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { ChoiceCard } from '@/components/ui/choice-card';
import { TextField } from '@/components/ui/text-field';
import type { PaymentMethod } from '@/db/schema';
import { idle, type ValidationKey } from '@/lib/action-result';
import { savePaymentSettingsAction } from '../actions';

const METHODS = ['manual', 'stripe'] as const satisfies readonly PaymentMethod[];

type PaymentSettingsFormProps = {
  accountId: string;
  method: PaymentMethod;
  secretKeyEnding: string | null;
  webhookSecretEnding: string | null;
  webhookUrl: string;
};

// A key is typed, never shown: the browser does not fill it in, and a saved one is named by its ending only.
function SecretField({ label, name, errors, savedHint }: { label: string; name: string; errors?: ValidationKey[]; savedHint: string | null }) {
  return <TextField label={label} name={name} type="password" autoComplete="off" errors={errors} hint={savedHint ?? undefined} />;
}

// The keys are typed, never shown: a saved one is named by its last four characters, and a blank field keeps it.
export function PaymentSettingsForm({ accountId, method, secretKeyEnding, webhookSecretEnding, webhookUrl }: PaymentSettingsFormProps) {
  const t = useTranslations('PaymentSettings');
  const [state, action] = useActionState(savePaymentSettingsAction, idle);
  const [chosen, setChosen] = useState<PaymentMethod>(method);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <fieldset className="flex flex-col gap-2" aria-describedby="method-errors">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('method')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {METHODS.map((option) => (
            <ChoiceCard
              key={option}
              name="method"
              value={option}
              isChosen={chosen === option}
              title={t(option)}
              hint={t(option === 'manual' ? 'manualHint' : 'stripeHint')}
              onChoose={() => setChosen(option)}
            />
          ))}
        </div>
        <FieldErrors id="method-errors" errors={errors?.method} />
      </fieldset>
      {chosen === 'stripe' && (
        <div className="flex flex-col gap-4">
          <SecretField label={t('secretKey')} name="stripeSecretKey" errors={errors?.stripeSecretKey} savedHint={secretKeyEnding && t('secretKeySaved', { ending: secretKeyEnding })} />
          <CopyField label={t('webhookUrl')} value={webhookUrl} testId="stripe-webhook-url" />
          <p className="-mt-2 text-sm text-slate-600">{t('webhookUrlHint')}</p>
          <SecretField
            label={t('webhookSecret')}
            name="stripeWebhookSecret"
            errors={errors?.stripeWebhookSecret}
            savedHint={webhookSecretEnding && t('webhookSecretSaved', { ending: webhookSecretEnding })}
          />
        </div>
      )}
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      <SubmitButton label={t('save')} className="self-start" />
    </form>
  );
}
