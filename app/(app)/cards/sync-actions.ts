'use server';

import { revalidatePath } from 'next/cache';
import { ok } from '@/lib/action-result';
import { syncLocalList } from '@/domain/cards/local-list';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';

// How long the page waits for the chargers' answers before reporting them as still waiting.
const WAIT_MS = 8_000;

export type SyncSummary = { version: number; total: number; accepted: number; pending: number; failed: number };

export const syncCardsAction = memberAction<typeof accountClaim, SyncSummary>(
  accountClaim,
  async ({ member }) => {
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
  },
  { onInvalid: 'forbidden' },
);
