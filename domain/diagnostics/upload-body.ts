// The largest diagnostics file the platform keeps; a bigger upload is answered 413 and nothing is stored.
export const MAX_DIAGNOSTICS_BYTES = 20 * 1024 * 1024;
// A multipart/form-data body carries boundaries and part headers around the file.
const MULTIPART_ALLOWANCE = 64 * 1024;

export type UploadBody = {
  contentType: string | null;
  contentLength: string | null;
  body: AsyncIterable<Uint8Array> | null;
};

export type ReadFile = { content: Buffer; contentType: string; fileName: string | null };
export type ReadOutcome = { ok: true; file: ReadFile } | { ok: false; reason: 'tooLarge' | 'empty' | 'malformed' };

const isMultipart = (contentType: string | null) => /^multipart\/form-data\s*;/i.test(contentType ?? '');

// Reads at most `limit` bytes and stops at the first chunk past it, so an oversize upload never sits in memory whole.
// A body cut off before its end (the charger's connection dropped) is `broken`.
async function readLimited(body: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | 'tooLarge' | 'broken'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > limit) return 'tooLarge';
      chunks.push(chunk);
    }
  } catch {
    return 'broken';
  }
  return Buffer.concat(chunks);
}

// Many chargers POST their file as a form (RFC 7578); the first file part is the upload.
async function fileOfForm(raw: Buffer, contentType: string): Promise<ReadOutcome> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const part = [...form.values()].find((value): value is File => typeof value !== 'string');
  if (!part) return { ok: false, reason: 'malformed' };
  if (part.size > MAX_DIAGNOSTICS_BYTES) return { ok: false, reason: 'tooLarge' };
  if (part.size === 0) return { ok: false, reason: 'empty' };
  const content = Buffer.from(await part.arrayBuffer());
  return { ok: true, file: { content, contentType: part.type || 'application/octet-stream', fileName: part.name || null } };
}

export async function readUploadBody({ contentType, contentLength, body }: UploadBody): Promise<ReadOutcome> {
  const multipart = isMultipart(contentType);
  const limit = MAX_DIAGNOSTICS_BYTES + (multipart ? MULTIPART_ALLOWANCE : 0);
  if (contentLength !== null && Number(contentLength) > limit) return { ok: false, reason: 'tooLarge' };
  if (!body) return { ok: false, reason: 'empty' };
  const raw = await readLimited(body, limit);
  if (raw === 'tooLarge') return { ok: false, reason: 'tooLarge' };
  if (raw === 'broken') return { ok: false, reason: 'malformed' };
  if (multipart) return fileOfForm(raw, contentType!);
  if (raw.byteLength === 0) return { ok: false, reason: 'empty' };
  return { ok: true, file: { content: raw, contentType: contentType || 'application/octet-stream', fileName: null } };
}
