import type { Database } from '../../db/client';
import type { CommandPayloads } from '../commands/actions';
import type { EnqueueCommandInput } from '../commands/enqueue';
import { sendCommand, type CommandOutcome } from '../commands/send';
import { newToken } from '../crypto/token';
import { hasCharger } from '../data/chargers';
import { createFirmwareUpdate, setFirmwareUpdateCommand } from '../data/firmware';
import { failure, success, type Result } from '../data/result';
import { FIRMWARE_LINK_TTL_MS, FIRMWARE_RETRIES, FIRMWARE_RETRY_INTERVAL_SECONDS } from './limits';

export type FirmwareSource = { kind: 'file'; name: string; content: Buffer } | { kind: 'url'; url: string };
// SignedUpdateFirmware (security whitepaper §4.4): the certificate (PEM) and the file's signature (base64), checked by the caller.
export type FirmwareSigning = { certificatePem: string; signature: string };

export type FirmwareUpdateRequest = {
  accountId: string;
  chargerId: string;
  userId: string;
  source: FirmwareSource;
  signed?: FirmwareSigning;
  retrieveAt: Date;
  // Where the web app is reached from outside (APP_URL): the charger downloads an uploaded file from there.
  appUrl: string;
  // UpdateFirmware's retries and retryInterval (seconds); the platform's defaults unless given.
  retries?: number;
  retryIntervalSeconds?: number;
  waitMs?: number;
};

// The path the web app serves an uploaded file at; the name at its end is for the charger (some read a version from it).
export function firmwareDownloadUrl(appUrl: string, token: string, fileName: string) {
  return `${appUrl}/api/firmware/${token}/${encodeURIComponent(fileName)}`;
}

type SignedPayloadInput = { location: string; retrieveAt: Date; retries: number; retryIntervalSeconds: number; requestId: number; signed: FirmwareSigning };

function signedPayload({ location, retrieveAt, retries, retryIntervalSeconds, requestId, signed }: SignedPayloadInput): CommandPayloads['SignedUpdateFirmware'] {
  const firmware = { location, retrieveDateTime: retrieveAt.toISOString(), signingCertificate: signed.certificatePem, signature: signed.signature };
  return { requestId, retries, retryInterval: retryIntervalSeconds, firmware };
}

// Stores the update (and the file) first, so that the charger finds the file as soon as it has the command.
export async function requestFirmwareUpdate(db: Database, request: FirmwareUpdateRequest): Promise<Result<CommandOutcome, 'notFound'>> {
  const { accountId, chargerId, userId, source, retrieveAt, retries = FIRMWARE_RETRIES, retryIntervalSeconds = FIRMWARE_RETRY_INTERVAL_SECONDS } = request;
  if (!(await hasCharger(db, { accountId, chargerId }))) return failure('notFound');
  const link = source.kind === 'file' ? newToken() : null;
  const update = await createFirmwareUpdate(db, {
    accountId,
    chargerId,
    requestedBy: userId,
    retrieveAt,
    retries,
    retryIntervalSeconds,
    ...(request.signed && { signed: request.signed }),
    ...(source.kind === 'file'
      ? { file: { name: source.name, content: source.content, tokenHash: link!.tokenHash, tokenExpiresAt: new Date(retrieveAt.getTime() + FIRMWARE_LINK_TTL_MS) } }
      : { sourceUrl: source.url }),
  });
  const location = source.kind === 'file' ? firmwareDownloadUrl(request.appUrl, link!.token, source.name) : source.url;
  const common = { accountId, chargerId, requestedBy: userId };
  const command = request.signed
    ? { ...common, action: 'SignedUpdateFirmware' as const, payload: signedPayload({ location, retrieveAt, retries, retryIntervalSeconds, requestId: update.ocppRequestId, signed: request.signed }) }
    : { ...common, action: 'UpdateFirmware' as const, payload: { location, retrieveDate: retrieveAt.toISOString(), retries, retryInterval: retryIntervalSeconds } };
  const sent = await sendCommand(db, command as EnqueueCommandInput<'UpdateFirmware' | 'SignedUpdateFirmware'>, request.waitMs === undefined ? {} : { waitMs: request.waitMs });
  if (!sent.ok) return failure(sent.reason);
  await setFirmwareUpdateCommand(db, { updateId: update.id, commandId: sent.value.id });
  return success(sent.value);
}
