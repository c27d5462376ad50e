'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fieldError, ok } from '@/lib/action-result';
import { connectionUrl } from '@/lib/chargers/connection';
import { normalizeIdentity } from '@/domain/chargers/identity';
import { generateSecret, hashSecret } from '@/domain/crypto/secret';
import { sendCommand, type CommandOutcome } from '@/domain/commands/send';
import { createCharger, getCharger, removeCharger, setChargerPasswordHash, updateCharger } from '@/domain/data/chargers';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { addChargerSchema, chargerClaim, editChargerSchema } from './schemas';

// How long the page waits for the charger's answer to a new password.
const PASSWORD_WAIT_MS = 8_000;

export type NewChargerConnection = { chargerId: string; name: string; identity: string; url: string; password: string };

export const addChargerAction = memberAction<typeof addChargerSchema, NewChargerConnection>(addChargerSchema, async ({ input, member, values }) => {
  const identity = normalizeIdentity(input.identity);
  const password = generateSecret();
  const result = await createCharger(db(), {
    accountId: member.accountId,
    identity,
    name: input.name,
    address: input.address || null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    connectorCount: input.connectorCount,
    passwordHash: hashSecret(password),
  });
  if (!result.ok) return fieldError('identity', 'identityTaken', values);

  revalidatePath('/chargers');
  return ok({ chargerId: result.value.chargerId, name: input.name, identity, url: connectionUrl(identity), password });
});

export const editChargerAction = memberAction(editChargerSchema, async ({ input, member, values }) => {
  const result = await updateCharger(db(), {
    accountId: member.accountId,
    chargerId: input.chargerId,
    name: input.name,
    address: input.address || null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    connectorCount: input.connectorCount,
  });
  if (!result.ok) return fail('notFound', { values });
  revalidatePath('/chargers', 'layout');
  return ok(null);
});

export const regeneratePasswordAction = memberAction<typeof chargerClaim, string>(
  chargerClaim,
  async ({ input, member }) => {
    const password = generateSecret();
    const result = await setChargerPasswordHash(db(), { accountId: member.accountId, chargerId: input.chargerId, passwordHash: hashSecret(password) });
    if (!result.ok) return fail('notFound');
    return ok(password);
  },
  { onInvalid: 'notFound' },
);

// The OCPP server makes the password up as it sends it (domain/commands/actions.ts): the page only learns the outcome.
export const sendNewPasswordAction = memberAction<typeof chargerClaim, CommandOutcome['status']>(
  chargerClaim,
  async ({ input, member }) => {
    const charger = await getCharger(db(), { accountId: member.accountId, chargerId: input.chargerId });
    if (!charger) return fail('notFound');
    const sent = await sendCommand(
      db(),
      { accountId: member.accountId, chargerId: charger.id, action: 'ChangeChargerPassword', payload: {}, requestedBy: member.userId },
      { waitMs: PASSWORD_WAIT_MS },
    );
    if (!sent.ok) return fail('notFound');
    revalidatePath(`/chargers/${charger.id}`);
    return ok(sent.value.status);
  },
  { onInvalid: 'notFound' },
);

export const removeChargerAction = memberAction(
  chargerClaim,
  async ({ input, member }) => {
    const result = await removeCharger(db(), { accountId: member.accountId, chargerId: input.chargerId });
    if (!result.ok) return fail('notFound');
    revalidatePath('/chargers', 'layout');
    redirect('/chargers');
  },
  { onInvalid: 'notFound' },
);
