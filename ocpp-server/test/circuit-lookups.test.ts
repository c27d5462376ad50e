// The circuit planner hears every charger's status, boot, connection and session start or stop, and looks up the
// circuit behind each (issue 23): a fleet connecting at once made one lookup per event, five per charger, mostly to
// learn that it is on no circuit. Those that arrive together share one statement, and a charger on a circuit is
// still planned for.
import { afterAll, describe, expect, it } from 'vitest';
import { circuitChargers, circuits } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { countedServer, quiet } from './counted-server';
import { connectClient, testDb } from './helpers';

const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

const CHARGERS = 20;
const isCircuitLookup = (statement: string) => /from "circuit_chargers"/.test(statement) && !statement.includes('join');

describe('the circuit of each charger event', () => {
  it('is looked up for many chargers in fewer statements than events, and a charger on a circuit is planned for', async () => {
    const account = await makeAccount(db);
    const chargers = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 32 }).returning();
    const onCircuit = chargers[7]!;
    await db.insert(circuitChargers).values({ chargerId: onCircuit.id, accountId: account.id, circuitId: circuit!.id });
    const clients = [];
    for (const { identity } of chargers) clients.push(await connectClient(counted.server, { identity }));
    counted.clients.push(...clients);
    await quiet(counted.counter);

    const from = counted.counter.executed.length;
    const status = { connectorId: 1, status: 'Available', errorCode: 'NoError', timestamp: new Date().toISOString() };
    await Promise.all(clients.map((client) => client.call('StatusNotification', status)));
    await quiet(counted.counter);

    const statements = counted.counter.executed.slice(from);
    const lookups = statements.filter(isCircuitLookup);
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.length).toBeLessThan(CHARGERS);
    // The one circuit behind them is planned again, once: its plan holds the circuit's lock.
    expect(statements.filter((statement) => statement.includes('pg_advisory_xact_lock(hashtext(')).length).toBe(1);
  });
});
