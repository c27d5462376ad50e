'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ValidationKey } from '@/lib/action-result';
import { importDayAheadAction, removeDayAheadFeedAction, setDayAheadFeedAction } from '../day-ahead-actions';

type Feed = { url: string; lastSuccessAt: Date | null; lastAttemptAt: Date | null; lastError: ValidationKey | null; lastErrorLine: number | null };
type Stored = { hours: number; first: Date | null; last: Date | null };
type Props = { accountId: string; currency: string; stored: Stored | null; feed: Feed | null };

export function DayAheadCard({ accountId, currency, stored, feed }: Props) {
  const t = useTranslations('TariffPage');
  const tv = useTranslations('Validation');
  const format = useFormatter();
  const fileId = useId();
  const [imported, importFile] = useActionState(importDayAheadAction, idle);
  const [feedState, saveFeed] = useActionState(setDayAheadFeedAction, idle);
  const [removeState, removeFeed] = useActionState(removeDayAheadFeedAction, idle);
  const when = (date: Date | string) => format.dateTime(new Date(date), { dateStyle: 'medium', timeStyle: 'short' });
  const money = (amount: number) => format.number(amount, { style: 'currency', currency, maximumFractionDigits: 4 });
  const claim = <input type="hidden" name="accountId" value={accountId} />;
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-600" data-testid="day-ahead-stored">
        {stored?.first && stored.last ? t('dayAheadStored', { hours: stored.hours, first: when(stored.first), last: when(stored.last) }) : t('dayAheadNone')}
      </p>
      <form action={importFile} className="flex flex-col gap-3" noValidate>
        {claim}
        <label htmlFor={fileId} className="text-sm font-medium text-slate-700">
          {t('importFile')}
        </label>
        <input id={fileId} type="file" name="file" accept=".csv,.json,text/csv,application/json" aria-describedby={`${fileId}-errors`} className="text-sm" />
        <FieldErrors
          id={`${fileId}-errors`}
          errors={imported.status === 'error' ? imported.fieldErrors?.file : undefined}
          values={imported.status === 'error' ? imported.fieldErrorValues : undefined}
        />
        <SubmitButton label={t('importButton')} variant="secondary" className="self-start" />
      </form>
      {imported.status === 'ok' && imported.data.first && imported.data.last && (
        <Alert tone="success">
          {t('importRead', { hours: imported.data.hours, first: when(imported.data.first), last: when(imported.data.last), lowest: money(imported.data.min ?? 0), highest: money(imported.data.max ?? 0) })}
        </Alert>
      )}
      <form action={saveFeed} className="flex flex-col gap-3" noValidate>
        {claim}
        <TextField
          label={t('feedUrl')}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          defaultValue={(feedState.status === 'error' ? feedState.values?.url : undefined) ?? feed?.url ?? ''}
          errors={feedState.status === 'error' ? feedState.fieldErrors?.url : undefined}
        />
        <SubmitButton label={t('feedSave')} variant="secondary" className="self-start" />
      </form>
      {feedState.status === 'ok' && <Alert tone="success">{t('feedSaved')}</Alert>}
      {feed && (
        <div className="flex flex-col gap-2 text-sm text-slate-600" data-testid="day-ahead-feed">
          <p>{feed.lastSuccessAt ? t('feedLastSuccess', { date: when(feed.lastSuccessAt) }) : t('feedNever')}</p>
          {feed.lastError && feed.lastAttemptAt && (
            <Alert tone="error">{t('feedFailed', { date: when(feed.lastAttemptAt), reason: tv(feed.lastError, { line: feed.lastErrorLine ?? 0 }) })}</Alert>
          )}
          <form action={removeFeed}>
            {claim}
            <FormAlert state={removeState} />
            <SubmitButton label={t('feedRemove')} variant="ghost" className="-ml-4" />
          </form>
        </div>
      )}
    </div>
  );
}
