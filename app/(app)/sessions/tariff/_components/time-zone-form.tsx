'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useSyncExternalStore } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { setTimeZoneAction } from '../zone-actions';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// An account still on the default zone (UTC) is offered this browser's zone the first time.
export function TimeZoneForm({ accountId, timeZone, zones }: { accountId: string; timeZone: string; zones: string[] }) {
  const t = useTranslations('TariffPage');
  const id = useId();
  const [state, action] = useActionState(setTimeZoneAction, idle);
  const fromBrowser = useSyncExternalStore(noSubscription, browserZone, () => null);
  const suggested = timeZone === 'UTC' && fromBrowser && fromBrowser !== 'UTC' && zones.includes(fromBrowser) ? fromBrowser : null;
  const errors = state.status === 'error' ? state.fieldErrors?.timeZone : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="time-zone" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('zoneTitle')}
      </label>
      <select
        key={suggested ?? timeZone}
        id={id}
        name="timeZone"
        defaultValue={suggested ?? timeZone}
        aria-describedby={`${id}-hint ${id}-errors`}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 sm:max-w-sm sm:text-sm"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-sm text-slate-500">
        {suggested ? t('zoneFromBrowser') : t('zoneIntro')}
      </p>
      <FieldErrors id={`${id}-errors`} errors={errors} />
      <SubmitButton label={t('save')} className="self-start" />
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('zoneSaved')}</Alert>}
    </form>
  );
}
