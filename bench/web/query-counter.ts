import net from 'node:net';

// PostgreSQL frontend protocol: after the untyped startup packet(s), every message is a type byte and an
// int32 length. Simple queries are 'Q', with their text; postgres.js prepares a statement once per connection
// (Parse names it, with its text) and runs it as Bind (naming it) + Execute, one 'E' each.
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

export type QueryCounts = { queries: number; parses: number };

const cString = (body: Buffer, from: number) => {
  const end = body.indexOf(0, from);
  return { text: body.toString('utf8', from, end), next: end + 1 };
};

// A Bind's parameters as text (null for SQL NULL), after its portal, statement and format codes.
function boundParameters(body: Buffer, from: number) {
  let at = from + 2 + 2 * body.readInt16BE(from);
  const values: (string | null)[] = [];
  for (let count = body.readInt16BE(at), index = 0; index < count; index++) {
    const length = body.readInt32BE(at + 2);
    values.push(length < 0 ? null : body.toString('utf8', at + 6, at + 6 + length));
    at += 4 + Math.max(length, 0);
  }
  return values;
}

function frontendParser(counts: QueryCounts, executed: string[], parameters: (string | null)[][]) {
  const prepared = new Map<string, string>();
  let bound = '';
  let boundValues: (string | null)[] = [];
  let isStartup = true;
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < (isStartup ? 4 : 5)) return;
      const length = isStartup ? pending.readInt32BE(0) : pending.readInt32BE(1) + 1;
      if (pending.length < length) return;
      const message = pending.subarray(0, length);
      pending = pending.subarray(length);
      if (isStartup) {
        const code = message.readInt32BE(4);
        isStartup = code === SSL_REQUEST || code === GSS_REQUEST;
        continue;
      }
      const type = String.fromCharCode(message[0]!);
      const body = message.subarray(5);
      if (type === 'Q' || type === 'E') counts.queries++;
      if (type === 'Q') {
        executed.push(cString(body, 0).text);
        parameters.push([]);
      }
      if (type === 'E') {
        executed.push(bound);
        parameters.push(boundValues);
      }
      if (type === 'P') {
        counts.parses++;
        const name = cString(body, 0);
        prepared.set(name.text, cString(body, name.next).text);
      }
      if (type === 'B') {
        const statement = cString(body, cString(body, 0).next);
        bound = prepared.get(statement.text) ?? '';
        boundValues = boundParameters(body, statement.next);
      }
    }
  };
}

// A TCP proxy in front of PostgreSQL that counts the statements a server sends through it, and keeps their text in
// the order they ran (`executed`, for a test that asks which statements a message cost) with their parameters
// (`parameters`, at the same index).
export async function startQueryCounter(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const counts: QueryCounts = { queries: 0, parses: 0 };
  const executed: string[] = [];
  const parameters: (string | null)[][] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', frontendParser(counts, executed, parameters));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    counts,
    executed,
    parameters,
    snapshot: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type QueryCounter = Awaited<ReturnType<typeof startQueryCounter>>;
