import { setTimeout as sleep } from 'node:timers/promises';
import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { ocppMessages } from '../../db/schema';
import { createMessageLog } from '../../domain/data/charger-traffic/message-log';
import { createLogger } from '../src/logger';
import { makeChargerFixture, testDb } from './helpers';

const { db, sql } = testDb();

afterAll(async () => {
  await sql.end();
});

const KEEP = 40;

describe('message log trimming under load', () => {
  // Before: trimmed only every 30 s, so a busy charger gained two rows per message times its rate times 30 s
  // between trims (210,210 rows for 200 chargers after a benchmark run, against 300 kept per charger).
  it('keeps a flooded charger near its bound without waiting for the periodic trim', async () => {
    const { charger } = await makeChargerFixture(db);
    const { charger: quiet } = await makeChargerFixture(db);
    const log = createMessageLog({ db, log: createLogger('silent'), keepPerCharger: KEEP, flushMs: 5, trimEveryMs: 3_600_000 });
    const message = (chargerId: string, index: number) => ({ chargerId, direction: 'in' as const, messageType: 'call' as const, action: 'MeterValues', messageId: `flood-${index}`, payload: {}, createdAt: new Date() });
    try {
      log.record(message(quiet.id, 0));
      // Bursts arriving while earlier batches are still being written, as frames do under load.
      for (let burst = 0; burst < 30; burst++) {
        for (let index = 0; index < 40; index++) log.record(message(charger.id, burst * 40 + index));
        await sleep(2);
      }
      await log.flush();
      const rows = await db.select({ messageId: ocppMessages.messageId }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(desc(ocppMessages.id));
      expect(rows.length).toBeGreaterThanOrEqual(KEEP);
      expect(rows.length).toBeLessThanOrEqual(KEEP * 2);
      expect(rows[0]!.messageId).toBe('flood-1199');
      // A charger that spoke once is left alone until the periodic trim.
      expect(await db.$count(ocppMessages, eq(ocppMessages.chargerId, quiet.id))).toBe(1);
    } finally {
      await log.close();
    }
  });
});
