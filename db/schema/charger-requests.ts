import { customType, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { chargers } from './chargers';
import { chargerCommands } from './commands';

// A file's bytes, kept in PostgreSQL: the one store the web app and the OCPP server (and every instance) share.
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// What an owner asked of a charger through the command bus (a firmware update, a diagnostics upload): the account
// and charger it is for, who asked, and the command that carried it.
export const chargerRequestColumns = () => ({
  accountId: uuid()
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  chargerId: uuid()
    .notNull()
    .references(() => chargers.id, { onDelete: 'cascade' }),
  requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  commandId: uuid().references(() => chargerCommands.id, { onDelete: 'set null' }),
});
