import { useFormatter, useTranslations } from 'next-intl';
import type { ChargingPlan } from '@/domain/ready-by/plan';
import { Alert } from '@/components/ui/alert';
import { PlanChart } from './plan-chart';

// The plan the charger took: what the car gets by when, at what expected cost, and the chart of its hours.
export function PlanSummary({ plan }: { plan: ChargingPlan }) {
  const t = useTranslations('ReadyBy');
  const format = useFormatter();
  const kwh = (wh: number) => format.number(wh / 1000, { maximumFractionDigits: 1 });
  const time = format.dateTime(new Date(plan.departsAt), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: plan.timeZone });
  const cost = plan.cost !== null && plan.currency ? format.number(plan.cost, { style: 'currency', currency: plan.currency }) : null;
  return (
    <div className="flex flex-col gap-3" data-testid="ready-by-plan">
      {plan.isShort && <Alert tone="info">{t('short', { target: kwh(plan.targetWh), energy: kwh(plan.plannedWh), time })}</Alert>}
      <p className="text-sm font-medium text-slate-900" data-testid="plan-summary">
        {cost === null ? t('summaryNoCost', { energy: kwh(plan.plannedWh), time }) : t('summary', { energy: kwh(plan.plannedWh), time, cost })}
      </p>
      {plan.hasUnpricedSlots && <p className="text-xs text-slate-500">{t('unpriced')}</p>}
      <PlanChart plan={plan} />
    </div>
  );
}
