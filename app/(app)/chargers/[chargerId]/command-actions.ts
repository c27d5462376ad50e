'use server';

import { fail, ok } from '@/lib/action-result';
import { commandPayload } from '@/domain/commands/command-payload';
import { sendCommand, type CommandOutcome } from '@/domain/commands/send';
import { getCharger } from '@/domain/data/chargers';
import { SECURITY_EXTENSION_ACTIONS } from '@/domain/data/charger-traffic/security-extension';
import { lacksSecurityExtension } from '@/domain/data/security-extension';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { chargerCommandSchema } from './command-schemas';

// How long the page waits for the charger before saying the command is still on its way.
const WAIT_MS = 8_000;

export type CommandReply = { command: string; status: CommandOutcome['status']; response: Record<string, unknown> | null };

export const chargerCommandAction = memberAction<typeof chargerCommandSchema, CommandReply>(chargerCommandSchema, async ({ input, member }) => {
  const charger = await getCharger(db(), { accountId: member.accountId, chargerId: input.chargerId });
  if (!charger) return fail('notFound');
  if (SECURITY_EXTENSION_ACTIONS.includes(input.command) && (await lacksSecurityExtension(db(), { accountId: member.accountId, chargerId: charger.id }))) {
    return fail('securityExtensionMissing');
  }

  const { action, payload } = commandPayload(input);
  const sent = await sendCommand(
    db(),
    { accountId: member.accountId, chargerId: charger.id, action, payload, requestedBy: member.userId },
    { waitMs: WAIT_MS },
  );
  if (!sent.ok) return fail('notFound');
  return ok({ command: input.command, status: sent.value.status, response: sent.value.response });
});
