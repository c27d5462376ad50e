import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/client';
import { receiveDiagnosticsUpload } from '../../domain/diagnostics/upload';

// The web app's diagnostics upload route in miniature: the same domain function behind a real HTTP listener, up for
// the test file. `refusesUploads` answers 503 to every upload while set.
export function uploadServer(db: Database) {
  const state = { appUrl: '', refusesUploads: false };
  const server = createServer(async (incoming: IncomingMessage, outgoing) => {
    if (state.refusesUploads) return void outgoing.writeHead(503).end();
    const [, token = '', pathName] = (incoming.url ?? '').replace('/api/diagnostics/uploads/', '').match(/^\/?([^/]*)\/?(.*)$/) ?? [];
    const status = await receiveDiagnosticsUpload(db, {
      token,
      pathName: pathName || undefined,
      contentType: incoming.headers['content-type'] ?? null,
      contentLength: incoming.headers['content-length'] ?? null,
      body: incoming,
    });
    outgoing.writeHead(status).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

// Runs `work` while the upload server refuses every upload.
export async function whileRefusingUploads(uploads: { refusesUploads: boolean }, work: () => Promise<void>) {
  uploads.refusesUploads = true;
  try {
    await work();
  } finally {
    uploads.refusesUploads = false;
  }
}
