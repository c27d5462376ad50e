import net from 'node:net';

// Requests written byte for byte: a WebSocket client would normalise the path (dot-segments, encodings) first, and
// refuses a handshake answered without one of the subprotocols it offered. `protocol: null` offers none.
export function upgradeRequest(path: string, { protocol = 'ocpp1.6' }: { protocol?: string | null } = {}) {
  return [
    `GET ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...(protocol === null ? [] : [`Sec-WebSocket-Protocol: ${protocol}`]),
    '',
    '',
  ].join('\r\n');
}

// The status the server answers an upgrade with (101 when it accepts), or 0 when it closes without a status line.
export function upgradeStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(upgradeRequest(path)));
    let received = '';
    const settle = () => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) settle();
    });
    socket.on('close', settle);
    socket.on('error', settle);
  });
}

export type HeldSocket = { socket: net.Socket; closed: Promise<string> };

// A socket that sends `bytes` and then nothing; `closed` resolves with what the server wrote before closing it.
export async function holdSocket(port: number, bytes: string): Promise<HeldSocket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  if (bytes) socket.write(bytes);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('error', () => {});
  return { socket, closed };
}
