import { eq } from 'drizzle-orm';
import { dayAheadPrices, memberships, tariffs, transactions } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { transactionAnswered, transactionEvented } from '@/ocpp-server/test/simulators';
import type { chargingSuite } from './charging-suite';

export const HOUR = 3_600_000;
export const CHARGER_W = 11_000;

type Suite = ReturnType<typeof chargingSuite>;

// Day-ahead prices for the next twelve hours from this hour on, dear except the fourth hour from now; the account's
// clock is UTC, so departure eight hours on is that hour's "HH:MM".
async function priceDay(db: Suite['db'], accountId: string) {
  const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
  const cheapHour = thisHour + 4 * HOUR;
  await db.insert(tariffs).values({ accountId, kind: 'dayAhead', pricePerKwh: '0.5000', currency: 'EUR', validFrom: new Date(thisHour - 24 * HOUR) });
  await db.insert(dayAheadPrices).values(Array.from({ length: 12 }, (_, i) => ({ accountId, startsAt: new Date(thisHour + i * HOUR), pricePerKwh: thisHour + i * HOUR === cheapHour ? '0.0300' : '0.3000' })));
  const departure = new Date(thisHour + 8 * HOUR).toISOString().slice(11, 16);
  return { cheapHour, departure };
}

// An account with a connected charger of each protocol drawing 11 kW, a driver beside its owner and co-owner, and a
// day of prices. readerSession: a session on connector 1 by a card at the reader, its id; nextStart: what identifies
// the next session the charger starts (the platform's id in 1.6, the charger's own in 2.0.1); endSession: the
// charger's stop on connector 1, answered.
export function readyByChargers(suite: Suite) {
  const { db } = suite;
  async function withPrices<C extends { account: { id: string } }>(context: C) {
    const driver = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: context.account.id, userId: driver.id, role: 'driver' });
    return { ...context, driver, ...(await priceDay(db, context.account.id)) };
  }
  return {
    v16: {
      protocol: 'OCPP 1.6',
      setup: async (options: Parameters<Suite['setup']>[0] = {}) => {
        const context = await withPrices(await suite.setup({ powerW: CHARGER_W, ...options }));
        const { simulator } = context;
        return {
          ...context,
          readerSession: async (idTag: string) => {
            const started = transactionAnswered(simulator, 'transactionStarted', 1);
            await simulator.startSession(1, idTag, { shouldAuthorize: false });
            return started;
          },
          nextStart: () => transactionAnswered(simulator, 'transactionStarted', 1).then((id) => ({ id })),
          endSession: async () => {
            const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
            await simulator.stopSession(1);
            await stopped;
          },
        };
      },
    },
    v201: {
      protocol: 'OCPP 2.0.1',
      setup: async () => {
        const context = await withPrices(await suite.setup201({ powerW: CHARGER_W }));
        const { simulator } = context;
        return {
          ...context,
          readerSession: async (idTag: string) => {
            const started = transactionEvented(simulator, 'transactionStarted', 1);
            await simulator.startSession(1, idTag);
            const [session] = await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.ocppTransactionId, await started));
            return session!.id;
          },
          nextStart: () => transactionEvented(simulator, 'transactionStarted', 1).then((ocppTransactionId) => ({ ocppTransactionId })),
          endSession: () => simulator.stopSession(1),
        };
      },
    },
  };
}
