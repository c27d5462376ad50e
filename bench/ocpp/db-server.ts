// The real OCPP server as `npm run ocpp` starts it, with quiet logs and its port on stdout for the benchmark.
import { configFromEnv } from '../../ocpp-server/src/config';
import { createLogger } from '../../ocpp-server/src/logger';
import { startOcppServer } from '../../ocpp-server/src/start';

const server = await startOcppServer(configFromEnv(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
console.log(JSON.stringify({ port: server.port }));

process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0), () => process.exit(1));
});
