// `npm run gallery`: screenshots of every page at 360 px and 1280 px into docs/screenshots/, and docs/gallery.md
// showing them. Needs nothing running: a database of its own (embedded PostgreSQL unless DATABASE_URL names a server),
// a production build, the web app and the OCPP server, then a Playwright walk (e2e/gallery.capture.ts) that seeds an
// owner with a simulated charger, a finished session, a card and an open invitation.
import { appUnderTestEnv, playwrightAgainstBuild, withDatabase } from './lib/app-under-test';
import { logger } from './lib/processes';

const log = logger('test');
const started = Date.now();
try {
  await withDatabase(async (databaseUrl) => {
    const env = appUnderTestEnv({ databaseUrl, webPort: process.env.GALLERY_WEB_PORT ?? '3150', ocppPort: process.env.GALLERY_OCPP_PORT ?? '9150' });
    await playwrightAgainstBuild(env, ['--config', 'playwright.gallery.config.ts']);
  });
  log(`gallery written to docs/gallery.md in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
