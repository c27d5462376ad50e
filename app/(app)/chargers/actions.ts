'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fieldError, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { getMembership } from '@/lib/authz';
import { connectionUrl } from '@/lib/chargers/connection';
import { normalizeIdentity } from '@/domain/chargers/identity';
import { generateSecret, hashSecret } from '@/domain/crypto/secret';
import { createCharger, removeCharger, setChargerPasswordHash, updateCharger } from '@/lib/data/chargers';
import { addChargerSchema, chargerClaim, editChargerSchema } from './schemas';

export type NewChargerConnection = { chargerId: string; name: string; identity: string; url: string; password: string };

export async function addChargerAction(_previous: ActionResult<NewChargerConnection>, form: FormData): Promise<ActionResult<NewChargerConnection>> {
  const values = formValues(form);
  const input = addChargerSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden', { values });

  const identity = normalizeIdentity(input.data.identity);
  const password = generateSecret();
  const result = await createCharger({
    accountId: member.accountId,
    identity,
    name: input.data.name,
    address: input.data.address || null,
    latitude: input.data.latitude ?? null,
    longitude: input.data.longitude ?? null,
    connectorCount: input.data.connectorCount,
    passwordHash: hashSecret(password),
  });
  if (result.status === 'identityTaken') return fieldError('identity', 'identityTaken', values);

  revalidatePath('/chargers');
  return ok({ chargerId: result.chargerId, name: input.data.name, identity, url: connectionUrl(identity), password });
}

export async function editChargerAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = editChargerSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden', { values });

  const isUpdated = await updateCharger(
    { accountId: member.accountId, chargerId: input.data.chargerId },
    {
      name: input.data.name,
      address: input.data.address || null,
      latitude: input.data.latitude ?? null,
      longitude: input.data.longitude ?? null,
      connectorCount: input.data.connectorCount,
    },
  );
  if (!isUpdated) return fail('notFound', { values });
  revalidatePath('/chargers', 'layout');
  return ok(null);
}

export async function regeneratePasswordAction(_previous: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const input = chargerClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  const password = generateSecret();
  const isSet = await setChargerPasswordHash({ accountId: member.accountId, chargerId: input.data.chargerId }, hashSecret(password));
  if (!isSet) return fail('notFound');
  return ok(password);
}

export async function removeChargerAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = chargerClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  const isRemoved = await removeCharger({ accountId: member.accountId, chargerId: input.data.chargerId });
  if (!isRemoved) return fail('notFound');
  revalidatePath('/chargers', 'layout');
  redirect('/chargers');
}
