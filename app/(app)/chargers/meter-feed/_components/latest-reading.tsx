import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import type { GridPowerSummary } from '@/domain/data/grid-power';

// A meter feed posts every few seconds; this long without a reading, it has most likely stopped.
const SILENT_AFTER_MS = 5 * 60 * 1000;

export async function LatestReading({ summary }: { summary: GridPowerSummary }) {
  const [t, format, now] = await Promise.all([getTranslations('MeterFeedPage'), getFormatter(), getNow()]);
  const { latest, lastHour } = summary;
  if (!latest) return <p className="text-sm text-slate-600">{t('noReading')}</p>;
  const kilowatts = (watts: number) => format.number(watts / 1000, { maximumFractionDigits: 2 });
  const direction = latest.powerW > 0 ? 'importing' : latest.powerW < 0 ? 'exporting' : 'balanced';
  const isSilent = now.getTime() - latest.measuredAt.getTime() > SILENT_AFTER_MS;
  return (
    <div className="flex flex-col gap-3" data-testid="grid-reading">
      <p className="text-2xl font-semibold tracking-tight text-slate-900">{t(direction, { kw: kilowatts(Math.abs(latest.powerW)) })}</p>
      <p className="text-sm text-slate-600">{t('measured', { time: format.relativeTime(latest.measuredAt, now) })}</p>
      {lastHour && <p className="text-sm text-slate-600">{t('lastHour', { count: lastHour.count, lowest: kilowatts(lastHour.minW), highest: kilowatts(lastHour.maxW) })}</p>}
      {isSilent && <Alert tone="info">{t('silent')}</Alert>}
    </div>
  );
}
