import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { TWO_FACTOR_SETUP_PATH } from '@/lib/authz';
import { LiveRefresh } from '@/components/live/live-refresh';
import { listUsableCards } from '@/domain/data/cards';
import { listCars } from '@/domain/data/cars';
import { listSessionPlans } from '@/domain/data/charging-plans';
import { listChargersBehindCircuits } from '@/domain/data/circuit-views';
import { MyCars } from '@/components/ready-by/my-cars';
import { listChargersForUser } from '@/domain/data/chargers';
import { listMySessions } from '@/domain/data/my-sessions';
import { listChargersWithoutReservations, listOpenReservations } from '@/domain/data/reservations';
import { listOtherOpenSessions } from '@/domain/data/session-control';
import { requireUser } from '@/lib/session';
import { ChargeCard } from './_components/charge-card';
import { sessionCosts } from './session-costs';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('ChargePage'))('title') };
}

export default async function ChargePage() {
  const user = await requireUser();
  const [t, accounts, cards] = await Promise.all([getTranslations('ChargePage'), listChargersForUser(db(), { userId: user.id }), listUsableCards(db(), { userId: user.id })]);
  const chargerIds = accounts.flatMap((account) => account.chargers.map((charger) => charger.id));
  // A driver or guest sees their own sessions only; others' running sessions are a co-owner's to see and stop.
  const sharedChargerIds = accounts.filter((account) => account.seesEverySession).flatMap((account) => account.chargers.map((charger) => charger.id));
  const [sessions, otherSessions, reservations, withoutReservations] = await Promise.all([
    listMySessions(db(), { userId: user.id, chargerIds }),
    listOtherOpenSessions(db(), { userId: user.id, chargerIds: sharedChargerIds }),
    listOpenReservations(db(), { userId: user.id, chargerIds }),
    listChargersWithoutReservations(db(), { chargerIds }),
  ]);
  const [costOf, plans, cars, behindCircuits] = await Promise.all([
    sessionCosts(db(), sessions),
    listSessionPlans(db(), { transactionIds: sessions.filter((session) => !session.stoppedAt).map((session) => session.id) }),
    listCars(db(), { userId: user.id }),
    listChargersBehindCircuits(db(), { chargerIds }),
  ]);
  const isGrouped = accounts.filter((account) => account.chargers.length > 0).length > 1;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <LiveRefresh />
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {accounts
        .filter((account) => account.twoFactorMissing)
        .map((account) => (
          <Alert key={account.accountId} tone="info">
            {t('twoFactorRequired', { accountName: account.accountName })}{' '}
            <Link href={TWO_FACTOR_SETUP_PATH} className="font-semibold underline">
              {t('setUpTwoFactor')}
            </Link>
          </Alert>
        ))}
      {chargerIds.length === 0 && !accounts.some((account) => account.twoFactorMissing) && <p className="rounded-2xl bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200">{t('noChargers')}</p>}
      {accounts
        .filter((account) => account.chargers.length > 0)
        .map((account) => (
          <section key={account.accountId} className="flex flex-col gap-3">
            {isGrouped && <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{account.accountName}</h2>}
            <ul className="flex flex-col gap-4">
              {account.chargers.map((charger) => (
                <ChargeCard
                  key={charger.id}
                  charger={charger}
                  sessions={sessions.filter((session) => session.chargerId === charger.id)}
                  otherSessions={otherSessions.filter((session) => session.chargerId === charger.id)}
                  cards={cards.filter((card) => card.accountId === account.accountId)}
                  reservations={reservations.filter((reservation) => reservation.chargerId === charger.id)}
                  takesReservations={!withoutReservations.has(charger.id)}
                  costOf={costOf}
                  plans={plans}
                  cars={cars}
                  takesPlans={!behindCircuits.has(charger.id)}
                />
              ))}
            </ul>
          </section>
        ))}
      {chargerIds.length > 0 && <MyCars cars={cars} />}
    </div>
  );
}
