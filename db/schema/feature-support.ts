import { boolean, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

// Whether a charger implements a part of OCPP (a feature profile, the security whitepaper), and what told: its
// configuration or how it answered a call of that part. One row per charger; no row: not known yet.
export const featureSupportColumns = () => ({
  chargerId: uuid()
    .primaryKey()
    .references(() => chargers.id, { onDelete: 'cascade' }),
  isSupported: boolean().notNull(),
  // What told: a configuration key, an answer, or the CALLERROR code that refused the call.
  evidence: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
