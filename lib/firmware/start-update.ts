import 'server-only';
import { fail, fieldError, formFields, formValues, ok, type ActionResult } from '@/lib/action-result';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';
import { asMember } from '@/lib/member-action';
import type { CommandOutcome } from '@/domain/commands/send';
import { getCharger } from '@/domain/data/chargers';
import { requestFirmwareUpdate, type FirmwareSource } from '@/domain/firmware/request-update';
import { updateFirmwareSchema, type UpdateFirmwareInput } from '@/app/(app)/chargers/[chargerId]/firmware-schemas';
import { readFirmwareUpload } from './read-upload';

// How long the page waits for the charger's answer before saying it is still on its way.
const WAIT_MS = 8_000;

export type FirmwareReply = { status: CommandOutcome['status'] };

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
    const retrieveAt = new Date(Math.max(Date.now(), input.retrieveAt ? Date.parse(input.retrieveAt) : 0));
    const sent = await requestFirmwareUpdate(db(), {
      accountId: member.accountId,
      chargerId: charger.id,
      userId: member.userId,
      source: await sourceOf(input),
      retrieveAt,
      appUrl: appUrl(),
      waitMs: WAIT_MS,
    });
    if (!sent.ok) return fail('notFound');
    return ok({ status: sent.value.status });
  });
}
