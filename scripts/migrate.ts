// `npm run migrate`: apply the committed migrations to DATABASE_URL (for deployments that
// run the web app and the OCPP server as separate services).
import { runMigrations } from '../db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
await runMigrations(url);
console.log('migrations applied');
