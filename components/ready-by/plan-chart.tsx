import { useFormatter, useTranslations } from 'next-intl';
import { planBars } from '@/domain/ready-by/plan-bars';
import type { ChargingPlan } from '@/domain/ready-by/plan';

const BAR_AREA_PX = 96;

// One bar per stretch of one price, as wide as it lasts and as tall as its price (from the lowest price, or 0 when
// all are above it); the hours the plan charges in are the highlighted ones.
export function PlanChart({ plan }: { plan: ChargingPlan }) {
  const t = useTranslations('ReadyBy');
  const format = useFormatter();
  const bars = planBars(plan);
  const prices = bars.flatMap((bar) => (bar.pricePerKwh === null ? [] : [Number(bar.pricePerKwh)]));
  const floor = Math.min(0, ...prices);
  const top = Math.max(floor + 0.0001, ...prices);
  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: 'short', timeZone: plan.timeZone });
  const price = (text: string) => (plan.currency ? format.number(Number(text), { style: 'currency', currency: plan.currency, maximumFractionDigits: 4 }) : text);
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex items-end gap-px" style={{ height: BAR_AREA_PX }} role="list" aria-label={t('chartLabel', { time: time(plan.departsAt) })} data-testid="plan-chart">
        {bars.map((bar) => {
          const minutes = (Date.parse(bar.endsAt) - Date.parse(bar.startsAt)) / 60_000;
          const share = bar.pricePerKwh === null ? 1 : (Number(bar.pricePerKwh) - floor) / (top - floor);
          const label = bar.pricePerKwh === null
            ? t('barUnpriced', { from: time(bar.startsAt), to: time(bar.endsAt), charging: bar.isCharging ? 'yes' : 'no' })
            : t('bar', { from: time(bar.startsAt), to: time(bar.endsAt), price: price(bar.pricePerKwh), charging: bar.isCharging ? 'yes' : 'no' });
          return (
            <div
              key={bar.startsAt}
              role="listitem"
              aria-label={label}
              title={label}
              data-testid="plan-bar"
              data-charging={bar.isCharging}
              data-starts-at={bar.startsAt}
              className={`min-w-0.5 rounded-t-sm ${bar.pricePerKwh === null ? 'bg-[repeating-linear-gradient(45deg,#cbd5e1_0_3px,transparent_3px_6px)]' : ''} ${bar.isCharging ? 'bg-emerald-500' : 'bg-slate-300'}`}
              style={{ flexGrow: minutes, flexBasis: 0, height: `${Math.max(4, Math.round(share * BAR_AREA_PX))}px` }}
            />
          );
        })}
      </div>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>{time(plan.startsAt)}</span>
        <span className="flex gap-3">
          <span className="flex items-center gap-1">
            <span className="size-2.5 rounded-sm bg-emerald-500" aria-hidden />
            {t('legendCharging')}
          </span>
          <span className="flex items-center gap-1">
            <span className="size-2.5 rounded-sm bg-slate-300" aria-hidden />
            {t('legendWaiting')}
          </span>
        </span>
        <span>{time(plan.departsAt)}</span>
      </figcaption>
    </figure>
  );
}
