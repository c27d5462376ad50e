'use server';

import { randomInt } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { fail, fieldError, ok, type ValidationKey } from '@/lib/action-result';
import { reservedVariable, valueProblem, type ValueProblem } from '@/domain/chargers/device-variable-value';
import { sendCommand, type CommandOutcome } from '@/domain/commands/send';
import { getCharger } from '@/domain/data/chargers';
import { getDeviceVariable, variableRefOf } from '@/domain/data/device-model';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { refreshDeviceModelSchema, setDeviceVariableSchema } from './device-model-schemas';

// How long the page waits for the charger before saying the command is still on its way.
const WAIT_MS = 8_000;
// NotifyReport.requestId is an integer; a fresh one per refresh tells this report's parts from an older one's.
const REQUEST_ID_MAX = 2 ** 31 - 1;

export type DeviceModelReply = { status: CommandOutcome['status']; answer: string | null };

export const refreshDeviceModelAction = memberAction<typeof refreshDeviceModelSchema, DeviceModelReply>(refreshDeviceModelSchema, async ({ input, member }) => {
  const charger = await getCharger(db(), { accountId: member.accountId, chargerId: input.chargerId });
  if (!charger) return fail('notFound');
  const payload = { requestId: randomInt(1, REQUEST_ID_MAX), reportBase: 'FullInventory' as const };
  const sent = await sendCommand(db(), { accountId: member.accountId, chargerId: charger.id, action: 'GetBaseReport', payload, requestedBy: member.userId }, { waitMs: WAIT_MS });
  if (!sent.ok) return fail('notFound');
  const answer = typeof sent.value.response?.status === 'string' ? sent.value.response.status : null;
  return ok({ status: sent.value.status, answer });
});

const problemKey = (problem: ValueProblem) => problem.problem satisfies ValidationKey;
// As text, not numbers: a limit is shown as the value to type (86400, not 86,400 or 86.400).
const problemValues = (problem: ValueProblem) => Object.fromEntries(Object.entries(problem).filter(([name]) => name !== 'problem').map(([name, value]) => [name, String(value)]));

function setAnswer(outcome: CommandOutcome) {
  const results = outcome.response?.setVariableResult;
  const [first] = Array.isArray(results) ? (results as { attributeStatus?: unknown }[]) : [];
  return typeof first?.attributeStatus === 'string' ? first.attributeStatus : null;
}

export const setDeviceVariableAction = memberAction<typeof setDeviceVariableSchema, DeviceModelReply>(setDeviceVariableSchema, async ({ input, member, values }) => {
  const scope = { accountId: member.accountId, chargerId: input.chargerId };
  const variable = await getDeviceVariable(db(), { ...scope, variableId: input.variableId });
  if (!variable) return fail('notFound');
  if (variable.mutability === 'ReadOnly') return fieldError('value', 'variableReadOnly', values);
  const reserved = reservedVariable(variable);
  if (reserved) return fieldError('value', reserved, values);
  const problem = valueProblem(input.value, variable);
  if (problem) return fieldError('value', problemKey(problem), values, problemValues(problem));

  const payload = { variables: [{ ...variableRefOf(variable), value: input.value }] };
  const sent = await sendCommand(db(), { ...scope, action: 'SetVariables', payload, requestedBy: member.userId }, { waitMs: WAIT_MS });
  if (!sent.ok) return fail('notFound');
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok({ status: sent.value.status, answer: setAnswer(sent.value) });
});
