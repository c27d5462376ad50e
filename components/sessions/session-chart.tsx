'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type PointerEvent } from 'react';
import { niceTicks, timeTicks } from '@/lib/sessions/chart-scale';
import type { SessionSeries } from '@/domain/sessions/series';
import { areaPath, linePath, nearest } from './chart-path';
import { useElementWidth } from './use-element-width';

type SessionChartProps = SessionSeries & { start: number; end: number };

const HEIGHT = 260;
const MARGIN = { top: 24, right: 52, bottom: 30, left: 48 };

export function SessionChart({ powerKw, energyKwh, start, end }: SessionChartProps) {
  const t = useTranslations('SessionPage');
  const format = useFormatter();
  const { ref, width } = useElementWidth<HTMLDivElement>(720);
  const [hoverAt, setHoverAt] = useState<number | null>(null);
  const inner = { width: width - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const span = Math.max(end - start, 60_000);
  const powerTicks = niceTicks(Math.max(0, ...powerKw.map((point) => point.value)));
  const energyTicks = niceTicks(Math.max(0, ...energyKwh.map((point) => point.value)));
  const x = (at: number) => MARGIN.left + ((at - start) / span) * inner.width;
  const yPower = (kw: number) => MARGIN.top + inner.height - (kw / powerTicks.max) * inner.height;
  const yEnergy = (kwh: number) => MARGIN.top + inner.height - (kwh / energyTicks.max) * inner.height;
  const baseline = MARGIN.top + inner.height;
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  const time = (at: number) => format.dateTime(new Date(at), { timeStyle: 'short' });

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const ratio = (event.clientX - bounds.left - MARGIN.left) / inner.width;
    setHoverAt(ratio < 0 || ratio > 1 ? null : start + ratio * span);
  };
  const hoverPower = hoverAt === null ? null : nearest(powerKw, hoverAt);
  const hoverEnergy = hoverAt === null ? null : nearest(energyKwh, hoverAt);

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
        <span className="flex items-center gap-2">
          <span className="h-3 w-5 rounded-sm bg-sky-500/30 ring-2 ring-sky-600 ring-inset" aria-hidden />
          {t('powerSeries')}
        </span>
        <span className="flex items-center gap-2">
          <span className="h-0.5 w-5 bg-brand-600" aria-hidden />
          {t('energySeries')}
        </span>
      </figcaption>
      <div ref={ref} className="relative w-full overflow-hidden" style={{ height: HEIGHT }}>
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={t('chartLabel')}
          className="absolute inset-0 block touch-pan-y select-none text-[11px]"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHoverAt(null)}
        >
          <text x={MARGIN.left - 8} y={12} textAnchor="end" className="fill-sky-700 font-semibold">
            {t('kwUnit')}
          </text>
          <text x={width - MARGIN.right + 8} y={12} className="fill-brand-700 font-semibold">
            {t('kwhUnit')}
          </text>
          {powerTicks.values.map((tick) => (
            <g key={`p${tick}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={yPower(tick)} y2={yPower(tick)} className="stroke-slate-200" />
              <text x={MARGIN.left - 8} y={yPower(tick)} dy="0.32em" textAnchor="end" className="fill-slate-500 tabular-nums">
                {format.number(tick, { maximumFractionDigits: powerTicks.fractionDigits })}
              </text>
            </g>
          ))}
          {energyTicks.values.map((tick) => (
            <text key={`e${tick}`} x={width - MARGIN.right + 8} y={yEnergy(tick)} dy="0.32em" className="fill-slate-500 tabular-nums">
              {format.number(tick, { maximumFractionDigits: energyTicks.fractionDigits })}
            </text>
          ))}
          {timeTicks(start, end, Math.max(3, Math.floor(inner.width / 80))).map((tick) => (
            <g key={`t${tick}`}>
              <line x1={x(tick)} x2={x(tick)} y1={baseline} y2={baseline + 5} className="stroke-slate-400" />
              <text x={x(tick)} y={baseline + 18} textAnchor="middle" className="fill-slate-500 tabular-nums">
                {time(tick)}
              </text>
            </g>
          ))}
          <path d={areaPath(powerKw, x, yPower, baseline)} className="fill-sky-500/20" />
          <path d={linePath(powerKw, x, yPower)} className="fill-none stroke-sky-600" strokeWidth={2} strokeLinejoin="round" />
          <path d={linePath(energyKwh, x, yEnergy)} className="fill-none stroke-brand-600" strokeWidth={2.5} strokeLinejoin="round" />
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={baseline} y2={baseline} className="stroke-slate-400" />
          {hoverAt !== null && (
            <g>
              <line x1={x(hoverAt)} x2={x(hoverAt)} y1={MARGIN.top} y2={baseline} className="stroke-slate-400" strokeDasharray="3 3" />
              {hoverPower && <circle cx={x(hoverPower.at)} cy={yPower(hoverPower.value)} r={4} className="fill-sky-600" />}
              {hoverEnergy && <circle cx={x(hoverEnergy.at)} cy={yEnergy(hoverEnergy.value)} r={4} className="fill-brand-600" />}
            </g>
          )}
        </svg>
        {hoverAt !== null && (
          <div className="pointer-events-none absolute top-0 right-14 rounded-md bg-slate-900/90 px-2.5 py-1.5 text-xs text-white tabular-nums" aria-hidden>
            <div className="font-semibold">{time(hoverAt)}</div>
            {hoverPower && <div>{t('powerValue', { kw: number(hoverPower.value) })}</div>}
            {hoverEnergy && <div>{t('energyValue', { kwh: number(hoverEnergy.value) })}</div>}
          </div>
        )}
      </div>
    </figure>
  );
}
