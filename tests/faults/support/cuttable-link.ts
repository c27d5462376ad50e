import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

// RFC 6455 §5.5.2.
const PING_OPCODE = 0x9;

// Counts the pings in what the server sends one charger: its HTTP 101 answer, then unmasked frames (§5.2).
function serverPingCounter() {
  let pending = Buffer.alloc(0);
  let isUpgraded = false;
  let pings = 0;
  return {
    get pings() {
      return pings;
    },
    feed(chunk: Buffer) {
      pending = Buffer.concat([pending, chunk]);
      if (!isUpgraded) {
        const headersEnd = pending.indexOf('\r\n\r\n');
        if (headersEnd < 0) return;
        pending = pending.subarray(headersEnd + 4);
        isUpgraded = true;
      }
      while (pending.length >= 2) {
        const shortLength = pending[1]! & 0x7f;
        const headerLength = shortLength === 126 ? 4 : shortLength === 127 ? 10 : 2;
        if (pending.length < headerLength) return;
        const length = shortLength === 126 ? pending.readUInt16BE(2) : shortLength === 127 ? Number(pending.readBigUInt64BE(2)) : shortLength;
        if (pending.length < headerLength + length) return;
        if ((pending[0]! & 0x0f) === PING_OPCODE) pings++;
        pending = pending.subarray(headerLength + length);
      }
    },
  };
}

type Pair = { charger: Socket; upstream: Socket; counter: ReturnType<typeof serverPingCounter>; serverClosed: Promise<void> };

// A TCP hop between chargers and the server whose cable can be pulled: after cut() nothing passes in either
// direction and neither side hears a FIN or RST, as when a mobile link drops. The server finds out only by its
// pings going unanswered; the link still reads what the server sends (and drops it), to count those pings.
export async function startCuttableLink(target: { port: number }) {
  const pairs = new Set<Pair>();
  let isCut = false;
  const server = createServer((charger) => {
    if (isCut) return void charger.destroy();
    const upstream = connect(target.port, '127.0.0.1');
    const pair: Pair = { charger, upstream, counter: serverPingCounter(), serverClosed: new Promise((resolve) => upstream.once('close', () => resolve())) };
    pairs.add(pair);
    charger.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      pair.counter.feed(chunk);
      if (!isCut) charger.write(chunk);
    });
    // While cut, either end going away must not reach the other; restore() ends both.
    const forget = () => {
      if (isCut) return;
      pairs.delete(pair);
      charger.destroy();
      upstream.destroy();
    };
    charger.on('close', forget).on('error', () => {});
    upstream.on('close', forget).on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    // Resolves with the pings the server sent each cut connection before closing it, or `pingsToGiveUpOn` for one
    // the server went on pinging that many times instead.
    cut({ pingsToGiveUpOn }: { pingsToGiveUpOn: number }): Promise<number[]> {
      isCut = true;
      return Promise.all(
        [...pairs].map((pair) => {
          pair.charger.unpipe(pair.upstream);
          pair.charger.pause();
          const pingsAtCut = pair.counter.pings;
          const pingsSinceCut = () => pair.counter.pings - pingsAtCut;
          return new Promise<number>((resolve) => {
            pair.serverClosed.then(() => resolve(pingsSinceCut()));
            pair.upstream.on('data', () => {
              if (pingsSinceCut() >= pingsToGiveUpOn) resolve(pingsSinceCut());
            });
          });
        }),
      );
    },
    // The link is back; the chargers' stacks eventually notice their dead sockets (here: at once) and reconnect.
    restore() {
      isCut = false;
      for (const { charger, upstream } of pairs) {
        charger.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
