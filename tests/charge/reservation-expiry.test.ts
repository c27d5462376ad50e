import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reservations } from '@/db/schema';
import { makeCard } from '@/db/seed/builders';
import { reserveConnector } from '@/domain/reservations/reserve';
import { chargingSuite } from './charging-suite';
import { db as webDb } from '@/lib/db';

// A sweep that never comes during the test: what is left is what a reservation request itself does.
const { db, setup } = chargingSuite({ reservationSweepMs: 3_600_000 });

describe('a reservation past its expiry that the sweep has not ended yet', () => {
  it('does not hold the connector: a new reservation of it is taken, and the old one reads expired', async () => {
    const { charger, account, member } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'virtual' });
    const [stale] = await db
      .insert(reservations)
      .values({ accountId: account.id, chargerId: charger.id, connectorId: 1, cardId: card.id, idTag: card.idTag, userId: member.id, status: 'active', expiresAt: new Date(Date.now() - 1_000) })
      .returning();

    const reserved = await reserveConnector(webDb(), { userId: member.id, chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 30 });

    expect(reserved).toMatchObject({ ok: true });
    const [old] = await db.select().from(reservations).where(eq(reservations.id, stale!.id));
    expect(old).toMatchObject({ status: 'expired' });
  });
});
