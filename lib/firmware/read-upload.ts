import 'server-only';
import { FIRMWARE_MAX_BYTES } from '@/domain/firmware/limits';

// Room for the form's other fields and the multipart framing around the file.
const MAX_BODY_BYTES = FIRMWARE_MAX_BYTES + 64 * 1024;

export type UploadRead = { kind: 'form'; form: FormData } | { kind: 'tooLarge' } | { kind: 'malformed' };

// Reads at most MAX_BODY_BYTES whatever Content-Length claims (a chunked body declares none), then parses the form.
export async function readFirmwareUpload(request: Request): Promise<UploadRead> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { kind: 'tooLarge' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      return { kind: 'tooLarge' };
    }
    chunks.push(value);
  }
  try {
    const body = Buffer.concat(chunks);
    const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    return { kind: 'form', form };
  } catch {
    return { kind: 'malformed' };
  }
}
