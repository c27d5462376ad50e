import { check, integer, pgTable, primaryKey, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { chargers } from './chargers';

// Where an OCPP 2.0.1 charger's connector sits: its EVSE and its number within that EVSE (2.0.1 Part 2 §2.2, an EVSE
// holds one or more connectors, of which one at a time is used). The platform numbers connectors per charger (1.6's
// model, `connectors`); this row is how one of its numbers is that charger's (EVSE, connector). A number, once given,
// is kept: domain/data/charger-traffic/evse-connectors.ts says how it is chosen. A 1.6 charger has none.
export const evseConnectors = pgTable(
  'evse_connectors',
  {
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    connectorId: integer().notNull(),
    evseId: integer().notNull(),
    evseConnectorId: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chargerId, t.connectorId] }),
    uniqueIndex('evse_connectors_evse_idx').on(t.chargerId, t.evseId, t.evseConnectorId),
    check('evse_connectors_numbers_check', sql`${t.connectorId} > 0 and ${t.evseId} > 0 and ${t.evseConnectorId} > 0`),
  ],
);
