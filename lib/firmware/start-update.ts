import 'server-only';
import { fail, fieldError, formFields, formValues, ok, type ActionResult, type ValidationKey } from '@/lib/action-result';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';
import { asMember } from '@/lib/member-action';
import type { CommandOutcome } from '@/domain/commands/send';
import { getCharger } from '@/domain/data/chargers';
import { requestFirmwareUpdate, type FirmwareSigning, type FirmwareSource } from '@/domain/firmware/request-update';
import { checkFirmwareSignature } from '@/domain/firmware/signature';
import { lacksSecurityExtension } from '@/domain/data/security-extension';
import { updateFirmwareSchema, type UpdateFirmwareInput } from '@/app/(app)/chargers/[chargerId]/firmware-schemas';
import { readFirmwareUpload } from './read-upload';

// How long the page waits for the charger's answer before saying it is still on its way.
const WAIT_MS = 8_000;

// `answer`: a SignedUpdateFirmware.conf's status (InvalidCertificate, RevokedCertificate…); UpdateFirmware.conf has none.
export type FirmwareReply = { status: CommandOutcome['status']; answer: string | null };

type Signing = { ok: true; value: FirmwareSigning | null } | { ok: false; field: 'signingCertificate' | 'signature'; error: ValidationKey };

const CHECK_ERRORS = {
  certificateInvalid: { field: 'signingCertificate', error: 'firmwareCertificateInvalid' },
  signatureNotBase64: { field: 'signature', error: 'firmwareSignatureNotBase64' },
  signatureMismatch: { field: 'signature', error: 'firmwareSignatureMismatch' },
} as const;

// A signed update goes only to a charger not known to lack the security extension, and only with a signature that
// verifies over the file with the certificate's key: a charger would refuse it after the download otherwise.
async function signingOf(input: UpdateFirmwareInput, source: FirmwareSource, target: { accountId: string; chargerId: string }): Promise<Signing> {
  if (!input.signingCertificate || !input.signature || source.kind !== 'file') return { ok: true, value: null };
  if (await lacksSecurityExtension(db(), target)) return { ok: false, field: 'signingCertificate', error: 'firmwareSignedUnsupported' };
  const checked = checkFirmwareSignature({ content: source.content, certificatePem: input.signingCertificate, signature: input.signature });
  if (checked !== 'valid') return { ok: false, ...CHECK_ERRORS[checked] };
  return { ok: true, value: { certificatePem: input.signingCertificate, signature: input.signature } };
}

async function sourceOf(input: UpdateFirmwareInput): Promise<FirmwareSource> {
  if (input.firmwareFile) return { kind: 'file', name: input.firmwareFile.name, content: Buffer.from(await input.firmwareFile.arrayBuffer()) };
  return { kind: 'url', url: input.firmwareUrl! };
}

// The charger page's firmware form, posted to a route handler rather than a server action: a server action's body is
// limited to 1 MB, and raising that limit would raise it for every action, those anyone can call included.
export async function startFirmwareUpdate(request: Request): Promise<ActionResult<FirmwareReply>> {
  const upload = await readFirmwareUpload(request);
  if (upload.kind === 'tooLarge') return fieldError('firmwareFile', 'firmwareTooLarge');
  if (upload.kind === 'malformed') return fail('generic');
  const values = formValues(upload.form);
  return asMember(formFields(upload.form), values, updateFirmwareSchema, async ({ input, member }) => {
    const charger = await getCharger(db(), { accountId: member.accountId, chargerId: input.chargerId });
    if (!charger) return fail('notFound');
    if (!charger.isOnline) return fail('firmwareChargerOffline', { values });
    const source = await sourceOf(input);
    const signing = await signingOf(input, source, { accountId: member.accountId, chargerId: charger.id });
    if (!signing.ok) return fieldError(signing.field, signing.error, values);
    const retrieveAt = new Date(Math.max(Date.now(), input.retrieveAt ? Date.parse(input.retrieveAt) : 0));
    const sent = await requestFirmwareUpdate(db(), {
      accountId: member.accountId,
      chargerId: charger.id,
      userId: member.userId,
      source,
      ...(signing.value && { signed: signing.value }),
      retrieveAt,
      appUrl: appUrl(),
      waitMs: WAIT_MS,
    });
    if (!sent.ok) return fail('notFound');
    const answer = typeof sent.value.response?.status === 'string' ? sent.value.response.status : null;
    return ok({ status: sent.value.status, answer });
  });
}
