// Ending a membership is all or nothing: when the stop of a running session cannot be queued, the person is still a
// member with their cards as they were, so that the guest sweep (or the owner's next click) tries the whole again.
import { and, eq, getTableName } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { cards, chargerCommands, memberships } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { endMembership } from '@/domain/people/end-membership';
import { testDb } from '@/ocpp-server/test/helpers';
import { addSession } from '../sessions/builders';

const { db, sql } = testDb();
afterAll(() => sql.end());

// A command table that refuses this one charger's commands, as a broken connection or a full disk would.
async function refuseCommandsFor(chargerId: string) {
  const table = getTableName(chargerCommands);
  await sql.unsafe(`create or replace function refuse_commands_for_test() returns trigger language plpgsql as $$
    begin if new.charger_id = '${chargerId}' then raise exception 'commands refused'; end if; return new; end $$`);
  await sql.unsafe(`create or replace trigger refuse_commands_for_test before insert on "${table}" for each row execute function refuse_commands_for_test()`);
  return () => sql.unsafe(`drop trigger refuse_commands_for_test on "${table}"`);
}

describe('ending a membership', () => {
  it('leaves the person a member with their cards unblocked when the stop of their session cannot be queued', async () => {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    const charger = await makeCharger(db, { accountId: account.id });
    const guest = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: account.id, userId: guest.id, role: 'guest', accessEndsAt: new Date(Date.now() - 60_000) });
    const card = await makeCard(db, { accountId: account.id, userId: guest.id, kind: 'physical' });
    await addSession(db, { chargerId: charger.id, userId: guest.id, cardId: card.id, idTag: card.idTag, startedAt: new Date(), minutes: 0, energyWh: null });

    const allowCommands = await refuseCommandsFor(charger.id);
    try {
      await expect(endMembership(db, { accountId: account.id, userId: guest.id, requestedBy: null })).rejects.toThrow();
    } finally {
      await allowCommands();
    }

    const [stillMember] = await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, guest.id)));
    expect(stillMember).toBeDefined();
    expect((await db.select().from(cards).where(eq(cards.id, card.id)))[0]?.status).not.toBe('blocked');

    expect(await endMembership(db, { accountId: account.id, userId: guest.id, requestedBy: null })).toEqual({ ok: true, value: { stoppedSessions: 1 } });
  });
});
