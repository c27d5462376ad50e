import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionMeterValue } from '@/domain/data/sessions';

const OPEN_UP_TO = 12;

export async function MeterValueTable({ values }: { values: SessionMeterValue[] }) {
  const [t, format] = await Promise.all([getTranslations('SessionPage'), getFormatter()]);
  return (
    <details open={values.length <= OPEN_UP_TO} className="group">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 select-none hover:underline">{t('rawSummary', { count: values.length })}</summary>
      <div className="-mx-6 mt-3 max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={t('rawSummary', { count: values.length })}>
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="meter-values">
          <thead className="sticky top-0 bg-white text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-6 py-2 font-medium">{t('colTime')}</th>
              <th className="px-2 py-2 font-medium">{t('colMeasurand')}</th>
              <th className="px-2 py-2 font-medium">{t('colPhase')}</th>
              <th className="px-2 py-2 text-right font-medium">{t('colValue')}</th>
              <th className="px-2 py-2 font-medium">{t('colUnit')}</th>
              <th className="px-6 py-2 font-medium">{t('colContext')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {values.map((value) => (
              <tr key={value.id}>
                <td className="px-6 py-1.5 whitespace-nowrap tabular-nums">{format.dateTime(value.sampledAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td className="px-2 py-1.5">{value.measurand}</td>
                <td className="px-2 py-1.5">{value.phase}</td>
                <td className="px-2 py-1.5 text-right font-mono text-xs">{value.value}</td>
                <td className="px-2 py-1.5">{value.unit}</td>
                <td className="px-6 py-1.5 text-slate-500">{value.context}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
