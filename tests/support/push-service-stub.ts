import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { serverTls } from '@/ocpp-server/test/tls-fixtures';

// A browser's side of a push subscription: its ECDH key pair and auth secret (RFC 8291 §2), as the Push API makes them.
export function makeBrowserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { endpoint, p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url'), ecdh, authSecret: auth };
}
export type BrowserSubscriptionKeys = ReturnType<typeof makeBrowserSubscription>;

const b64 = (value: string) => Buffer.from(value, 'base64url');

// VAPID (RFC 8292): `vapid t=<ES256 JWT>, k=<the signer's public key>`; the JWT's signature must verify with k, its
// audience be the push service's origin, and it must not have expired.
function checkVapid(header: string | undefined, origin: string): { publicKey: string; subject: string } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, token, publicKey] = match as unknown as [string, string, string];
  const [head, body, signature] = token.split('.') as [string, string, string];
  const point = b64(publicKey);
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  if (JSON.parse(b64(head).toString()).alg !== 'ES256') throw new Error('VAPID JWT is not ES256');
  if (!verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, b64(signature))) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(b64(body).toString()) as { aud: string; exp: number; sub: string };
  if (claims.aud !== origin) throw new Error(`VAPID audience ${claims.aud} is not ${origin}`);
  if (claims.exp * 1000 <= Date.now()) throw new Error('VAPID JWT expired');
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`VAPID subject ${claims.sub}`);
  return { publicKey, subject: claims.sub };
}

// RFC 8188 aes128gcm with the RFC 8291 key derivation, one record: what the browser does on receipt.
function decrypt(body: Buffer, browser: BrowserSubscriptionKeys): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = browser.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, browser.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  const end = padded.lastIndexOf(2);
  if (end < 0 || padded.subarray(end + 1).some((byte) => byte !== 0)) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type DeliveredPush = { endpoint: string; message: { title: string; body: string; path: string }; vapidKey: string; subject: string; ttl: string | undefined };

// A local push service over HTTPS, as every real one is: subscriptions registered with `subscribe` get their pushes checked (VAPID, encryption) and
// recorded; `answer` makes one endpoint answer with a status instead (410 for one the browser dropped).
export async function startPushServiceStub() {
  const browsers = new Map<string, BrowserSubscriptionKeys>();
  const answers = new Map<string, number>();
  const delivered: DeliveredPush[] = [];
  const refused: string[] = [];
  const { tls, trustedCa } = await serverTls();
  // web-push sends through Node's global HTTPS agent: this process (the test's OCPP server) trusts the stub's CA.
  https.globalAgent.options.ca = trustedCa;
  const server = https.createServer(tls, async (request, response) => {
    const endpoint = `${origin}${request.url}`;
    const body = await readBody(request);
    const browser = browsers.get(endpoint);
    if (request.method !== 'POST' || !browser) return void response.writeHead(404).end();
    if (answers.has(endpoint)) return void response.writeHead(answers.get(endpoint)!).end('stub answer');
    try {
      if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${request.headers['content-encoding']}`);
      const vapid = checkVapid(request.headers.authorization, origin);
      delivered.push({ endpoint, message: JSON.parse(decrypt(body, browser)), vapidKey: vapid.publicKey, subject: vapid.subject, ttl: request.headers.ttl as string | undefined });
      response.writeHead(201).end();
    } catch (error) {
      refused.push(error instanceof Error ? error.message : String(error));
      response.writeHead(403).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    delivered,
    refused,
    subscribe() {
      const browser = makeBrowserSubscription(`${origin}/push/${randomBytes(8).toString('hex')}`);
      browsers.set(browser.endpoint, browser);
      return browser;
    },
    answer(endpoint: string, status: number) {
      answers.set(endpoint, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
