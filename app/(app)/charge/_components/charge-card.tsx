import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ConnectorList } from '@/components/chargers/connector-list';
import { OnlineBadge } from '@/components/chargers/online-badge';
import { WhyLink } from '@/components/why/why-link';
import type { UsableCard } from '@/domain/data/cards';
import type { CarChoice } from '@/domain/data/cars';
import type { MySession } from '@/domain/data/my-sessions';
import type { ChargingPlan } from '@/domain/ready-by/plan';
import type { ChargerSummary } from '@/domain/data/chargers';
import type { OpenReservation } from '@/domain/data/reservations';
import type { OtherSession } from '@/domain/data/session-control';
import { connectorChoices } from './connector-choices';
import { DismissibleSummary } from './dismissible-summary';
import { OtherSessionPanel } from './other-session-panel';
import { ReservationPanel } from './reservation-panel';
import { ReserveForm } from './reserve-form';
import { SessionPanel } from './session-panel';
import { StartForm } from './start-form';
import { evseLabelsOf } from '@/domain/data/connectors';

type ChargeCardProps = {
  charger: ChargerSummary;
  sessions: MySession[];
  otherSessions: OtherSession[];
  cards: UsableCard[];
  reservations: OpenReservation[];
  takesReservations: boolean;
  costOf: (session: MySession) => { amount: number; currency: string } | null;
  plans: Map<number, ChargingPlan>;
  cars: CarChoice[];
  // False behind a circuit: its share keeps the fuse, and a plan would be refused.
  takesPlans: boolean;
};

// Of the user's sessions here that ended within the hour, only the last one is summed up: one panel, not a pile.
function latestFinished(sessions: MySession[]) {
  const finished = sessions.filter((session) => session.stoppedAt);
  return finished.reduce<MySession | null>((latest, session) => (!latest || session.stoppedAt! > latest.stoppedAt! ? session : latest), null);
}

export function ChargeCard({ charger, sessions, otherSessions, cards, reservations, takesReservations, costOf, plans, cars, takesPlans }: ChargeCardProps) {
  const t = useTranslations('ChargePage');
  const awaySince = charger.isOnline ? null : (charger.disconnectedAt ?? charger.lastSeenAt);
  const running = sessions.filter((session) => !session.stoppedAt);
  const { connectorIds, reservable } = connectorChoices({ charger, openSessions: [...running, ...otherSessions], reservations });
  const lastFinished = latestFinished(sessions);
  const evses = evseLabelsOf(charger.connectors);
  const cardOptions = cards.map(({ id, label, idTag, kind }) => ({ id, label, idTag, kind }));
  return (
    <li className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="charge-card" data-charger={charger.name}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{charger.name}</h2>
          {charger.address && <p className="text-sm text-slate-500">{charger.address}</p>}
        </div>
        <OnlineBadge isOnline={charger.isOnline} />
      </div>
      <ConnectorList connectors={charger.connectors} />
      <WhyLink chargerId={charger.id} />
      {running.map((session) => (
        <SessionPanel key={session.id} session={session} evse={evses[session.connectorId]} cost={costOf(session)} chargerAwaySince={awaySince} readyBy={takesPlans ? { plan: plans.get(session.id) ?? null, cars } : undefined} />
      ))}
      {lastFinished && (
        <DismissibleSummary key={lastFinished.id} sessionId={lastFinished.id} connectorId={lastFinished.connectorId}>
          <SessionPanel session={lastFinished} evse={evses[lastFinished.connectorId]} cost={costOf(lastFinished)} chargerAwaySince={awaySince} />
        </DismissibleSummary>
      )}
      {otherSessions.map((session) => (
        <OtherSessionPanel key={session.id} session={session} evse={evses[session.connectorId]} chargerAwaySince={awaySince} />
      ))}
      {reservations.map((reservation) => (
        <ReservationPanel key={reservation.id} reservation={reservation} evse={evses[reservation.connectorId]} />
      ))}
      {cards.length === 0 ? (
        <div className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="no-card">
          <p className="font-semibold">{t('noCardsTitle')}</p>
          <p className="mt-1">{t('noCardsBody')}</p>
          <Link href="/cards/new" className="mt-2 inline-block font-semibold underline">
            {t('addCard')}
          </Link>
        </div>
      ) : !charger.isOnline ? (
        <p className="rounded-xl bg-slate-100 p-3 text-sm text-slate-700">{t('offline')}</p>
      ) : connectorIds.length === 0 ? (
        <p className="rounded-xl bg-slate-100 p-3 text-sm text-slate-700">{t('unavailable')}</p>
      ) : (
        // A new form once a session of the user's begins, so the start's "accepted" banner goes when charging comes.
        <StartForm key={running.map((session) => session.id).join()} chargerId={charger.id} connectorIds={connectorIds} evses={evses} cards={cardOptions} cars={takesPlans ? cars : null} />
      )}
      {cards.length > 0 && charger.isOnline && !takesReservations && <p className="text-sm text-slate-500">{t('noReservations')}</p>}
      {cards.length > 0 && charger.isOnline && takesReservations && reservable.length > 0 && <ReserveForm chargerId={charger.id} connectorIds={reservable} evses={evses} cards={cardOptions} />}
    </li>
  );
}
