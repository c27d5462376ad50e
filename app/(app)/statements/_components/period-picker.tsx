import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { dayBefore } from '@/domain/statements/period';
import type { PeriodChoice } from '@/lib/statements/period-params';

// Two plain GET forms: a month, or any days (both ends included); the URL keeps the choice, so it can be shared.
export async function PeriodPicker({ choice, params }: { choice: PeriodChoice; params: Record<string, string> }) {
  const t = await getTranslations('StatementsPage');
  const { errors } = choice;
  const isRange = choice.month === null;
  return (
    <div className="grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
      <form method="get" className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-3" noValidate>
        <TextField label={t('month')} name="month" type="month" defaultValue={params.month ?? choice.month ?? ''} errors={errors.month && [errors.month]} />
        <button type="submit" className={buttonClasses('secondary', 'mt-7')}>
          {t('showMonth')}
        </button>
      </form>
      <form method="get" className="flex flex-col gap-2" noValidate>
        <p className="text-sm font-medium text-slate-700">{t('rangeTitle')}</p>
        <div className="grid grid-cols-2 gap-3">
          <TextField label={t('from')} name="from" type="date" defaultValue={params.from ?? (isRange ? choice.period.from : '')} errors={errors.from && [errors.from]} />
          <TextField label={t('to')} name="to" type="date" defaultValue={params.to ?? (isRange ? dayBefore(choice.period.to) : '')} errors={errors.to && [errors.to]} />
        </div>
        <button type="submit" className={buttonClasses('secondary', 'self-start')}>
          {t('showRange')}
        </button>
      </form>
    </div>
  );
}
