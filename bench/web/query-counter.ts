import net from 'node:net';

// PostgreSQL frontend protocol: after the untyped startup packet(s), every message is a type byte and an
// int32 length. Simple queries are 'Q'; postgres.js runs each statement as Parse/Bind/Execute, one 'E' each.
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

export type QueryCounts = { queries: number; parses: number };

function frontendParser(counts: QueryCounts) {
  let isStartup = true;
  let skip = 0;
  let header = Buffer.alloc(0);
  return (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const take = Math.min(skip, chunk.length - offset);
        skip -= take;
        offset += take;
        continue;
      }
      const size = isStartup ? 8 : 5;
      const take = Math.min(size - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < size) break;
      if (isStartup) {
        const code = header.readInt32BE(4);
        isStartup = code === SSL_REQUEST || code === GSS_REQUEST;
        skip = header.readInt32BE(0) - 8;
      } else {
        const type = String.fromCharCode(header[0]!);
        if (type === 'Q' || type === 'E') counts.queries++;
        if (type === 'P') counts.parses++;
        skip = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
    }
  };
}

// A TCP proxy in front of PostgreSQL that counts the statements the web server sends through it.
export async function startQueryCounter(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const counts: QueryCounts = { queries: 0, parses: 0 };
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
    client.on('data', frontendParser(counts));
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
    snapshot: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type QueryCounter = Awaited<ReturnType<typeof startQueryCounter>>;
