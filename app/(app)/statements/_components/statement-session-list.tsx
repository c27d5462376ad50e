import type { StatementSession } from '@/domain/data/statement-sessions';
import type { StatementFormat } from '@/domain/statements/format';
import { priceWords } from '@/domain/statements/pdf';
import type { StatementTranslator } from '@/domain/statements/messages';

// Each session as a card (a phone shows no wide table): when and where, the meter readings, the price basis, the cost.
export function StatementSessionList({ sessions, t, f }: { sessions: StatementSession[]; t: StatementTranslator; f: StatementFormat }) {
  return (
    <ul className="flex flex-col gap-3" data-testid="statement-sessions">
      {sessions.map((s) => (
        <li key={s.transactionId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-semibold">
                {f.dateTime(s.startedAt)}
                {s.stoppedAt ? ` – ${f.time(s.stoppedAt)}` : ''}
              </p>
              <p className="text-sm break-words text-slate-700">
                {s.chargerName} ({s.chargerIdentity}) · {t('connectorNumber', { number: s.connectorId })}
              </p>
            </div>
            <p className="shrink-0 font-semibold">{s.cost && s.currency ? f.money(s.cost, s.currency) : '—'}</p>
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-slate-600 sm:grid-cols-2">
            {s.chargerAddress && <div><dt className="sr-only">{t('address')}</dt><dd>{s.chargerAddress}</dd></div>}
            <div><dt className="sr-only">{t('cardColumn')}</dt><dd>{t('cardColumn')}: {s.cardLabel || s.idTag}</dd></div>
            <div><dt className="sr-only">{t('meterStart')}</dt><dd>{t('meterReadings', { start: f.meter(s.meterStartWh), stop: f.meter(s.meterStopWh) })}</dd></div>
            <div><dt className="sr-only">{t('energy')}</dt><dd>{t('energy')}: {f.energy(s.energyWh)}</dd></div>
            <div className="sm:col-span-2"><dt className="sr-only">{t('basis')}</dt><dd>{priceWords(s, { t, f })}</dd></div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
