import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionMeterValue } from '@/domain/data/sessions';

const OPEN_UP_TO = 12;

export async function MeterValueTable({ values }: { values: SessionMeterValue[] }) {
  const [t, format] = await Promise.all([getTranslations('SessionPage'), getFormatter()]);
  return (
    <details open={values.length <= OPEN_UP_TO} className="group">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 select-none hover:underline">{t('rawSummary', { count: values.length })}</summary>
      <div className="-mx-6 mt-3 max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={t('rawSummary', { count: values.length })}>
        {/* A phone gets each reading as two lines (when and how much, then what); a wider screen the full table. */}
        <table className="block w-full text-left text-sm sm:table sm:min-w-[36rem]" data-testid="meter-values">
          <thead className="sticky top-0 hidden bg-white text-xs tracking-wide text-slate-500 uppercase sm:table-header-group">
            <tr>
              <th className="px-6 py-2 font-medium">{t('colTime')}</th>
              <th className="px-2 py-2 font-medium">{t('colMeasurand')}</th>
              <th className="px-2 py-2 font-medium">{t('colPhase')}</th>
              <th className="px-2 py-2 text-right font-medium">{t('colValue')}</th>
              <th className="px-2 py-2 font-medium">{t('colUnit')}</th>
              <th className="px-6 py-2 font-medium">{t('colContext')}</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 sm:table-row-group">
            {values.map((value) => {
              const sampledAt = format.dateTime(value.sampledAt, { dateStyle: 'short', timeStyle: 'medium' });
              return (
                <tr key={value.id} className="block sm:table-row">
                  <td className="block px-6 py-1.5 sm:hidden">
                    <span className="flex justify-between gap-3 tabular-nums">
                      <span>{sampledAt}</span>
                      <span className="font-mono text-xs">
                        {value.value} {value.unit}
                      </span>
                    </span>
                    <span className="block text-xs break-words text-slate-500">{[value.measurand, value.phase, value.context].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td className="hidden px-6 py-1.5 whitespace-nowrap tabular-nums sm:table-cell">{sampledAt}</td>
                  <td className="hidden px-2 py-1.5 sm:table-cell">{value.measurand}</td>
                  <td className="hidden px-2 py-1.5 sm:table-cell">{value.phase}</td>
                  <td className="hidden px-2 py-1.5 text-right font-mono text-xs sm:table-cell">{value.value}</td>
                  <td className="hidden px-2 py-1.5 sm:table-cell">{value.unit}</td>
                  <td className="hidden px-6 py-1.5 text-slate-500 sm:table-cell">{value.context}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
