import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { staticShareA } from '@/domain/circuits/allocate';
import { SITE_PHASES, SITE_VOLTAGE_V } from '@/domain/circuits/feed-budget';
import type { CircuitView } from '@/domain/data/circuit-views';

// What the last plan read from the home meter feed, in words: the house's other load (or its solar surplus) and the
// budget it leaves the chargers, or that the feed is silent and the static shares hold.
export function CircuitFeedStatus({ circuit }: { circuit: CircuitView }) {
  const t = useTranslations('CircuitFeed');
  const format = useFormatter();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  if (!circuit.followsMeterFeed) return <p className="text-sm text-slate-600">{t('off')}</p>;
  const otherW = circuit.plannedOtherLoadW;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="circuit-feed">
      {circuit.plannedFeedLive === null && <p>{t('notYet')}</p>}
      {circuit.plannedFeedLive === false && (
        <p className="rounded-lg bg-amber-50 p-2 text-amber-900" data-testid="circuit-feed-silent">
          {t('silent', { shareA: number(staticShareA(circuit.capacityA, circuit.connectorCount)) })}
        </p>
      )}
      {circuit.plannedFeedLive === true && otherW !== null && (
        <p data-testid="circuit-other-load">
          {t('otherLoad', { direction: otherW >= 0 ? 'import' : 'export', kw: number(Math.abs(otherW) / 1000), amps: number(Math.abs(otherW) / (SITE_PHASES * SITE_VOLTAGE_V)) })}
        </p>
      )}
      {circuit.plannedFeedLive === true && circuit.plannedBudgetA !== null && (
        <p className="font-medium" data-testid="circuit-budget" data-budget={circuit.plannedBudgetA}>
          {t('budget', { budgetA: number(circuit.plannedBudgetA), capacityA: circuit.capacityA })}
        </p>
      )}
      {circuit.solarMode !== 'off' && <p data-testid="circuit-solar">{t('solar', { mode: circuit.solarMode, state: circuit.isSolarCharging ? 'on' : 'waiting' })}</p>}
      <p className="text-slate-600">
        {t('how')}{' '}
        <Link href="/chargers/meter-feed" className="text-brand-700 hover:underline">
          {t('feedLink')}
        </Link>
      </p>
    </div>
  );
}
