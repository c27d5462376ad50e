'use server';

import { revalidatePath } from 'next/cache';
import { fail, formFields, ok, type ActionResult } from '@/lib/action-result';
import { getMembership } from '@/lib/authz';
import { syncLocalList } from '@/domain/cards/local-list';
import { db } from '@/lib/db';
import { accountClaim } from './schemas';

// How long the page waits for the chargers' answers before reporting them as still waiting.
const WAIT_MS = 8_000;

export type SyncSummary = { version: number; total: number; accepted: number; pending: number; failed: number };

export async function syncCardsAction(_previous: ActionResult<SyncSummary>, form: FormData): Promise<ActionResult<SyncSummary>> {
  const input = accountClaim.safeParse(formFields(form));
  if (!input.success) return fail('forbidden');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');

  const { version, results } = await syncLocalList(db(), { accountId: member.accountId, requestedBy: member.userId }, { waitMs: WAIT_MS });

  revalidatePath('/cards');
  const statuses = results.map((result) => result.outcome?.status ?? 'failed');
  const count = (match: (status: string) => boolean) => statuses.filter(match).length;
  return ok({
    version,
    total: statuses.length,
    accepted: count((status) => status === 'accepted'),
    pending: count((status) => status === 'pending' || status === 'sent'),
    failed: count((status) => !['accepted', 'pending', 'sent'].includes(status)),
  });
}
