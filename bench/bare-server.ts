// The yardstick for `npm run bench:ocpp`: ocpp-rpc with the same strict schema validation as the real
// server, answering every charger message (1.6 or 2.0.1) at once without touching a database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RPCServer } from '../ocpp-server/src/ocpp/rpc';
import type { ServerClient } from '../ocpp-server/src/ocpp/rpc';

const now = () => new Date().toISOString();
let nextTransactionId = 1;

const ANSWERS: Record<string, () => Record<string, unknown>> = {
  BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: 300 }),
  Heartbeat: () => ({ currentTime: now() }),
  StatusNotification: () => ({}),
  Authorize: () => ({ idTagInfo: { status: 'Accepted' } }),
  StartTransaction: () => ({ transactionId: nextTransactionId++, idTagInfo: { status: 'Accepted' } }),
  MeterValues: () => ({}),
  StopTransaction: () => ({}),
};

// The same for a 2.0.1 station: its transactions are all TransactionEvents.
const ANSWERS_201: Record<string, () => Record<string, unknown>> = {
  BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: 300 }),
  Heartbeat: () => ({ currentTime: now() }),
  StatusNotification: () => ({}),
  Authorize: () => ({ idTokenInfo: { status: 'Accepted' } }),
  TransactionEvent: () => ({}),
};

const server = new RPCServer({ protocols: ['ocpp2.0.1', 'ocpp1.6'], strictMode: true, pingIntervalMs: 30_000 });
server.on('client', (client: ServerClient) => {
  const answers = client.protocol === 'ocpp2.0.1' ? ANSWERS_201 : ANSWERS;
  for (const [action, answer] of Object.entries(answers)) client.handle(action, async () => answer());
});

const http = createServer((_request, response) => response.writeHead(426).end());
http.on('upgrade', server.handleUpgrade);
http.listen(Number(process.env.OCPP_PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (http.address() as AddressInfo).port }));
});

process.once('SIGTERM', () => {
  http.close();
  void server.close({ force: true }).then(() => process.exit(0));
});
