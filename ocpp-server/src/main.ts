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
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
