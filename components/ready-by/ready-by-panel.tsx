import { useTranslations } from 'next-intl';
import type { CarChoice } from '@/domain/data/cars';
import type { ChargingPlan } from '@/domain/ready-by/plan';
import { ChargeNowForm } from './charge-now-form';
import { PlanSummary } from './plan-summary';
import { ReadyByForm } from './ready-by-form';

// A running session's "ready by": its plan with "charge now" once there is one, and the form to plan (again).
export function ReadyByPanel({ transactionId, plan, cars }: { transactionId: number; plan: ChargingPlan | null; cars: CarChoice[] }) {
  const t = useTranslations('ReadyBy');
  return (
    <section className="flex flex-col gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200" data-testid="ready-by">
      <div>
        <h4 className="font-semibold text-slate-900">{t('title')}</h4>
        {!plan && <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>}
      </div>
      {plan && <PlanSummary plan={plan} />}
      {plan && <ChargeNowForm transactionId={transactionId} />}
      {plan ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('replan')}</summary>
          <div className="mt-3">
            <ReadyByForm transactionId={transactionId} cars={cars} hasPlan />
          </div>
        </details>
      ) : (
        <ReadyByForm transactionId={transactionId} cars={cars} hasPlan={false} />
      )}
    </section>
  );
}
