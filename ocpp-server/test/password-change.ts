import { eq } from 'drizzle-orm';
import { chargerCommands, chargers, ocppMessages } from '../../db/schema';
import { sendCommand } from '../../domain/commands/send';
import { makeChargerWithPassword, type testDb } from './helpers';

type Db = ReturnType<typeof testDb>['db'];

// A charger with a password, the owner's "new charger password" for it, and its stored password hashes.
export async function chargerWithPassword(db: Db) {
  const { account, charger, password } = await makeChargerWithPassword(db);
  const changePassword = () =>
    sendCommand(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id, action: 'ChangeChargerPassword', payload: {} });
  const stored = async () => (await db.select({ passwordHash: chargers.passwordHash, nextPasswordHash: chargers.nextPasswordHash }).from(chargers).where(eq(chargers.id, charger.id)))[0]!;
  return { account, charger, password, changePassword, stored };
}

// Every stored trace of the charger's traffic and commands, as text.
export async function storedTraffic(db: Db, chargerId: string) {
  const messages = await db.select({ payload: ocppMessages.payload }).from(ocppMessages).where(eq(ocppMessages.chargerId, chargerId));
  const commands = await db.select({ payload: chargerCommands.payload, response: chargerCommands.response, error: chargerCommands.error }).from(chargerCommands).where(eq(chargerCommands.chargerId, chargerId));
  return JSON.stringify([messages, commands]);
}
