'use server';

import { revalidatePath } from 'next/cache';
import { ok } from '@/lib/action-result';
import { syncLocalList } from '@/domain/cards/local-list';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';

// How long the page waits for the online chargers' answers before reporting them as still waiting.
const WAIT_MS = 8_000;

export type SyncSummary = { version: number; total: number; accepted: number; pending: number; failed: number };

export const syncCardsAction = memberAction<typeof accountClaim, SyncSummary>(
  accountClaim,
  async ({ member }) => {
    const { chargers, requestedAt } = await syncLocalList(db(), { accountId: member.accountId }, { waitMs: WAIT_MS });

    revalidatePath('/cards');
    const accepted = chargers.filter((charger) => charger.isInSync);
    const failed = chargers.filter((charger) => !charger.isInSync && charger.lastSyncAt !== null && charger.lastSyncAt >= requestedAt);
    return ok({
      version: Math.max(0, ...accepted.map((charger) => charger.acceptedVersion ?? 0)),
      total: chargers.length,
      accepted: accepted.length,
      pending: chargers.length - accepted.length - failed.length,
      failed: failed.length,
    });
  },
  { onInvalid: 'forbidden' },
);
