// Minimal sidecar until the OCPP issue lands: proves the database is reachable and holds port 9000.
import { createServer } from 'node:http';
import { createDb } from '../../db/client';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const { sql } = createDb(url, { max: 1 });
await sql`select 1`;

const port = Number(process.env.OCPP_PORT ?? 9000);
const server = createServer((_req, res) => res.writeHead(426).end('OCPP-J WebSocket endpoint'));
server.listen(port, () => console.log(JSON.stringify({ level: 'info', msg: 'ocpp server listening', port })));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void sql.end().then(() => process.exit(0))));
}
