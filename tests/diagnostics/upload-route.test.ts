import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { diagnosticsFiles, diagnosticsRequests } from '@/db/schema';
import { MAX_DIAGNOSTICS_BYTES } from '@/domain/diagnostics/upload-body';
import { diagnosticsFixture } from './fixture';

const { PUT, POST } = await import('@/app/api/diagnostics/uploads/[token]/[[...fileName]]/route');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

type Body = BodyInit | ReadableStream<Uint8Array>;

function upload(method: 'PUT' | 'POST', token: string, body: Body, { headers = {}, fileName }: { headers?: Record<string, string>; fileName?: string } = {}) {
  const url = `http://localhost/api/diagnostics/uploads/${token}${fileName ? `/${fileName}` : ''}`;
  const request = new Request(url, { method, body, headers, duplex: 'half' } as RequestInit);
  const route = method === 'PUT' ? PUT : POST;
  return route(request, { params: Promise.resolve({ token, fileName: fileName ? [fileName] : undefined }) });
}

const filesOf = (requestId: string) => db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, requestId));

describe('the diagnostics upload route', () => {
  it('stores a raw PUT once: the same token again is 410 and the first file stays', async () => {
    const { token, request } = await diagnosticsFixture(db);
    const response = await upload('PUT', token, 'line one\nline two\n', { headers: { 'content-type': 'text/plain' }, fileName: 'cp-1.log' });
    expect(response.status).toBe(201);
    expect(await filesOf(request.id)).toMatchObject([{ fileName: 'cp-1.log', contentType: 'text/plain', sizeBytes: 18 }]);
    expect((await filesOf(request.id))[0]!.content.toString()).toBe('line one\nline two\n');

    expect((await upload('PUT', token, 'another file')).status).toBe(410);
    expect((await filesOf(request.id))[0]!.content.toString()).toBe('line one\nline two\n');
  });

  it('stores a raw POST, and the file of a multipart/form-data POST under the name of its part', async () => {
    const raw = await diagnosticsFixture(db);
    expect((await upload('POST', raw.token, new Uint8Array([0, 1, 2, 255]))).status).toBe(201);
    expect(await filesOf(raw.request.id)).toMatchObject([{ fileName: 'diagnostics.log', contentType: 'application/octet-stream', sizeBytes: 4 }]);
    expect([...(await filesOf(raw.request.id))[0]!.content]).toEqual([0, 1, 2, 255]);

    const multipart = await diagnosticsFixture(db);
    const form = new FormData();
    form.set('note', 'not the file');
    form.set('file', new Blob(['boot ok\n'], { type: 'text/plain' }), 'logs/2026-12-01.txt');
    expect((await upload('POST', multipart.token, form)).status).toBe(201);
    const [file] = await filesOf(multipart.request.id);
    expect(file).toMatchObject({ fileName: '2026-12-01.txt', contentType: 'text/plain', sizeBytes: 8 });
    expect(file!.content.toString()).toBe('boot ok\n');
  });

  it('answers 404 to a token that opens no request and 410 to an expired one, storing nothing', async () => {
    const { request } = await diagnosticsFixture(db);
    expect((await upload('PUT', randomBytes(32).toString('base64url'), 'x')).status).toBe(404);
    expect((await upload('PUT', 'not-a-token', 'x')).status).toBe(404);

    const expired = await diagnosticsFixture(db, { expiresInMs: -1000 });
    expect((await upload('PUT', expired.token, 'late')).status).toBe(410);
    expect(await filesOf(expired.request.id)).toEqual([]);
    expect(await filesOf(request.id)).toEqual([]);
    const [row] = await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.id, expired.request.id));
    expect(row?.uploadedAt).toBeNull();
  });

  it('answers 413 past the size limit, declared or streamed, stores nothing and stops reading', async () => {
    const { token, request } = await diagnosticsFixture(db);
    const declared = await upload('PUT', token, new Uint8Array(1024), { headers: { 'content-length': String(MAX_DIAGNOSTICS_BYTES + 1) } });
    expect(declared.status).toBe(413);

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    expect((await upload('POST', token, endless)).status).toBe(413);
    expect(pulled).toBeLessThan(MAX_DIAGNOSTICS_BYTES / (1024 * 1024) + 5);

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(MAX_DIAGNOSTICS_BYTES + 1)]), 'huge.log');
    expect((await upload('POST', token, form)).status).toBe(413);
    expect(await filesOf(request.id)).toEqual([]);

    // The token is not spent by a refused upload: a file within the limit still arrives.
    expect((await upload('PUT', token, new Uint8Array(MAX_DIAGNOSTICS_BYTES))).status).toBe(201);
    expect(await filesOf(request.id)).toMatchObject([{ sizeBytes: MAX_DIAGNOSTICS_BYTES }]);
  });

  it('refuses a body cut off before its end (400), storing nothing', async () => {
    const { token, request } = await diagnosticsFixture(db);
    let sent = false;
    const cutOff = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('connection reset'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('half a log'));
      },
    });
    expect((await upload('PUT', token, cutOff)).status).toBe(400);
    expect(await filesOf(request.id)).toEqual([]);
  });

  it('refuses an empty upload (400) without spending the token', async () => {
    const { token, request } = await diagnosticsFixture(db);
    expect((await upload('PUT', token, '')).status).toBe(400);
    expect((await upload('POST', token, new FormData())).status).toBe(400);
    expect(await filesOf(request.id)).toEqual([]);
    expect((await upload('PUT', token, 'now with content')).status).toBe(201);
  });
});
