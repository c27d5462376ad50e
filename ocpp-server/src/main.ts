import { configFromEnv } from './config';
import { createLogger } from './logger';
import { startOcppServer } from './start';

const log = createLogger();
const server = await startOcppServer(configFromEnv(), log);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        // A Ctrl-C in the terminal also stops a local embedded PostgreSQL; the online flags this
        // process could not clear are cleared when it starts again.
        if ((error as { code?: string }).code === 'CONNECTION_CLOSED') {
          log.warn('database already stopped; online flags are cleared at the next start');
          process.exit(0);
        }
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
