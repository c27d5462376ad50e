import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { MIGRATIONS_DIR } from '@/db/migration-seals';
import { makeAccount, makeCharger } from '@/db/seed/builders';

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

type Mapping = { charger_id: string; connector_id: number; evse_id: number; evse_connector_id: number };

describe('the migration giving connectors their EVSE (0050)', () => {
  it('records EVSE n connector 1 for every connector a 2.0.1 charger has stored, and nothing for a 1.6 one', async () => {
    const account = await makeAccount(db);
    const modern = await makeCharger(db, { accountId: account.id, ocppVersion: 'ocpp2.0.1' });
    const older = await makeCharger(db, { accountId: account.id, ocppVersion: 'ocpp1.6' });
    const migration = readFileSync(path.join(MIGRATIONS_DIR, '0050_evse_connectors.sql'), 'utf8');
    // In a transaction that is rolled back, on the table as it was before: the other tests' rows stay as they are.
    const rows = await sql
      .begin(async (tx) => {
        await tx`drop table evse_connectors`;
        for (const [chargerId, connectorId] of [[modern.id, 0], [modern.id, 1], [modern.id, 2], [older.id, 1]] as const) {
          await tx`insert into connectors (charger_id, connector_id, status, error_code) values (${chargerId}, ${connectorId}, 'Available', 'NoError')`;
        }
        // A session on a connector that never sent a status.
        await tx`insert into transactions (charger_id, account_id, connector_id, id_tag, authorization_status, meter_start_wh, started_at)
          values (${modern.id}, ${account.id}, 3, 'TAG-1', 'Accepted', 0, now())`;
        await tx.unsafe(migration);
        const found = await tx<Mapping[]>`select charger_id, connector_id, evse_id, evse_connector_id from evse_connectors
          where charger_id in (${modern.id}, ${older.id}) order by connector_id`;
        throw Object.assign(new Error('roll back'), { found });
      })
      .catch((error: { found?: Mapping[] }) => {
        if (!error.found) throw error;
        return error.found;
      });
    expect(rows).toEqual([1, 2, 3].map((n) => ({ charger_id: modern.id, connector_id: n, evse_id: n, evse_connector_id: 1 })));
  });
});
