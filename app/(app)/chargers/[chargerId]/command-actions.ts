'use server';

import { fail, formFields, invalid, ok, type ActionResult } from '@/lib/action-result';
import { getMembership } from '@/lib/authz';
import { commandPayload } from '@/domain/commands/command-payload';
import { sendCommand, type CommandOutcome } from '@/domain/commands/send';
import { getCharger } from '@/lib/data/chargers';
import { db } from '@/lib/db';
import { chargerCommandSchema } from './command-schemas';

// How long the page waits for the charger before saying the command is still on its way.
const WAIT_MS = 8_000;

export type CommandReply = { command: string; status: CommandOutcome['status']; response: Record<string, unknown> | null };

export async function chargerCommandAction(_previous: ActionResult<CommandReply>, form: FormData): Promise<ActionResult<CommandReply>> {
  const input = chargerCommandSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  const charger = await getCharger({ accountId: member.accountId, chargerId: input.data.chargerId });
  if (!charger) return fail('notFound');

  const { action, payload } = commandPayload(input.data);
  const outcome = await sendCommand(
    db(),
    { accountId: member.accountId, chargerId: charger.id, action, payload, requestedBy: member.userId },
    { waitMs: WAIT_MS },
  );
  if (!outcome) return fail('notFound');
  return ok({ command: input.data.command, status: outcome.status, response: outcome.response });
}
