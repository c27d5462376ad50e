'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { niceTicks } from '@/lib/sessions/chart-scale';
import { useElementWidth } from './use-element-width';

type Day = { day: string; energyWh: number };

const HEIGHT = 180;
const MARGIN = { top: 26, right: 22, bottom: 24, left: 40 };

// Days arrive as the user's calendar dates; noon UTC keeps the weekday label on the right date anywhere.
const asDate = (day: string) => new Date(`${day}T12:00:00Z`);

export function DailyEnergyChart({ days }: { days: Day[] }) {
  const t = useTranslations('DashboardPage');
  const format = useFormatter();
  const { ref, width } = useElementWidth<HTMLDivElement>(560);
  const inner = { width: width - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const ticks = niceTicks(Math.max(0, ...days.map((day) => day.energyWh / 1000)));
  const slot = inner.width / Math.max(days.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (kwh: number) => MARGIN.top + inner.height - (kwh / ticks.max) * inner.height;
  const labelEvery = Math.ceil(days.length / Math.max(1, Math.floor(inner.width / 56)));
  const kwh = (wh: number) => format.number(wh / 1000, { maximumFractionDigits: 1 });
  return (
    <div ref={ref} className="relative w-full overflow-hidden" style={{ height: HEIGHT }}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={t('energyChartLabel')} className="absolute inset-0 block text-[11px]">
        <text x={MARGIN.left - 6} y={10} textAnchor="end" className="fill-slate-500 font-semibold">
          {t('kwhUnit')}
        </text>
        {ticks.values.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-slate-500 tabular-nums">
              {format.number(tick, { maximumFractionDigits: ticks.fractionDigits })}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
          const date = format.dateTime(asDate(day.day), { day: 'numeric', month: 'short', timeZone: 'UTC' });
          return (
            <g key={day.day}>
              <rect x={x} y={y(day.energyWh / 1000)} width={barWidth} height={Math.max(0, MARGIN.top + inner.height - y(day.energyWh / 1000))} rx={2} className="fill-brand-500 hover:fill-brand-700">
                <title>{t('energyDay', { date, kwh: kwh(day.energyWh) })}</title>
              </rect>
              {index % labelEvery === (days.length - 1) % labelEvery && (
                <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-500">
                  {date}
                </text>
              )}
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={width - MARGIN.right} y1={MARGIN.top + inner.height} y2={MARGIN.top + inner.height} className="stroke-slate-400" />
      </svg>
    </div>
  );
}
