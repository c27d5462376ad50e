// The offline sweep and a reconnect, at once: whichever commits first, the managers who were told the charger went
// offline are told it is back.
import { and, eq, sql as raw } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers, notifications } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { markConnected } from '@/domain/data/charger-traffic/chargers';
import { queueOfflineNotices } from '@/domain/data/charger-traffic/offline-notices';
import { testDb, waitFor } from '@/ocpp-server/test/helpers';

const { db, sql } = testDb();
afterAll(() => sql.end());

const noticesOf = (userId: string, kind: 'charger-offline' | 'charger-back') =>
  db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('offline notice and reconnect racing', () => {
  it('announces the charger back when it reconnects while the sweep that announced it offline is committing', async () => {
    const account = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: account.id, isOnline: false, disconnectedAt: new Date(Date.now() - 20 * 60_000) });

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let swept = () => {};
    const hasSwept = new Promise<void>((resolve) => (swept = resolve));
    // The sweep has noticed the charger and holds its row, not yet committed.
    const sweep = db.transaction(async (tx) => {
      await queueOfflineNotices(tx, { afterMinutes: 10 });
      swept();
      await released;
    });
    await hasSwept;
    const connecting = markConnected(db, [{ chargerId: charger.id, accountId: account.id, instanceId: 'race-test', ocppVersion: 'ocpp1.6' }]);
    // The reconnect's statement has started and waits for the sweep's lock on the row.
    await waitFor(async () => {
      const [row] = await db.execute<{ waiting: number }>(raw`select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      return (row?.waiting ?? 0) > 0;
    });
    release();
    await sweep;
    await connecting;

    expect(await noticesOf(account.owner.id, 'charger-offline')).toHaveLength(1);
    expect(await noticesOf(account.owner.id, 'charger-back')).toHaveLength(1);
    const [row] = await db.select({ isOnline: chargers.isOnline, offlineNoticeAt: chargers.offlineNoticeAt }).from(chargers).where(eq(chargers.id, charger.id));
    expect(row).toEqual({ isOnline: true, offlineNoticeAt: null });
  });
});
