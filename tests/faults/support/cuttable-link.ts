import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

// A TCP hop between chargers and the server whose cable can be pulled: after cut() nothing passes in either
// direction and neither side hears a FIN or RST, as when a mobile link drops. The server finds out only by its
// pings going unanswered.
export async function startCuttableLink(target: { port: number }) {
  const pairs = new Set<[Socket, Socket]>();
  let isCut = false;
  const server = createServer((charger) => {
    if (isCut) return void charger.destroy();
    const upstream = connect(target.port, '127.0.0.1');
    const pair: [Socket, Socket] = [charger, upstream];
    pairs.add(pair);
    charger.pipe(upstream);
    upstream.pipe(charger);
    // While cut, the server's end going away must not reach the charger either.
    const forget = () => {
      pairs.delete(pair);
      if (isCut) return;
      charger.destroy();
      upstream.destroy();
    };
    charger.on('close', forget).on('error', () => {});
    upstream.on('close', forget).on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      isCut = true;
      for (const [charger, upstream] of pairs) {
        charger.unpipe(upstream);
        upstream.unpipe(charger);
        charger.pause();
        upstream.pause();
      }
    },
    // The link is back; the chargers' stacks eventually notice their dead sockets (here: at once) and reconnect.
    restore() {
      isCut = false;
      for (const [charger, upstream] of pairs) {
        charger.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
