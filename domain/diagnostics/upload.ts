import type { Database } from '../../db/client';
import { hashToken } from '../crypto/token';
import { getUploadTarget, storeDiagnosticsFile } from '../data/diagnostics';
import { readUploadBody, type UploadBody } from './upload-body';

export type UploadStatus = 201 | 400 | 404 | 410 | 413;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// A name to save the file under: the last path segment, without control characters, never empty.
export function safeFileName(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const name = (candidate ?? '').split(/[\\/]/).pop()!.replace(/\p{Cc}/gu, '').trim().slice(0, 200);
    if (name && name !== '.' && name !== '..') return name;
  }
  return 'diagnostics.log';
}

// The charger's HTTP PUT or POST to the location of its GetDiagnostics (raw body or multipart/form-data). A token
// that matches no request is 404, one spent or past its time 410, a body over the limit 413: nothing is stored then.
// `pathName` is what some chargers append to the location (their file's name).
export async function receiveDiagnosticsUpload(db: Database, { token, pathName, ...upload }: UploadBody & { token: string; pathName?: string }): Promise<UploadStatus> {
  if (!TOKEN_PATTERN.test(token)) return 404;
  const target = await getUploadTarget(db, { tokenHash: hashToken(token) });
  if (!target) return 404;
  if (target.uploadedAt || target.uploadExpiresAt <= new Date()) return 410;
  const read = await readUploadBody(upload);
  if (!read.ok) return read.reason === 'tooLarge' ? 413 : 400;
  const { content, contentType, fileName } = read.file;
  const file = { content, contentType: contentType.slice(0, 200), fileName: safeFileName(fileName, pathName, target.answeredFileName) };
  const stored = await storeDiagnosticsFile(db, { requestId: target.id, file });
  return stored.ok ? 201 : 410;
}
