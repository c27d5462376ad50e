'use server';

import { revalidatePath } from 'next/cache';
import { fieldError, ok } from '@/lib/action-result';
import { setDayAheadFeed, storeDayAheadHours } from '@/domain/data/day-ahead';
import { readDayAheadFile, summarizeHours } from '@/domain/prices/day-ahead-file';

export type ImportSummary = { hours: number; first: string | null; last: string | null; min: number | null; max: number | null };
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';
import { dayAheadFeedSchema, importDayAheadSchema } from './schemas';
import { dayAheadProblemKey } from './day-ahead-problems';

// Stores the hours of an uploaded file and answers what was read; a file with any bad line stores nothing.
export const importDayAheadAction = memberAction<typeof importDayAheadSchema, ImportSummary>(importDayAheadSchema, async ({ input, member }) => {
  const read = readDayAheadFile(await input.file.text());
  if (!read.ok) return fieldError('file', dayAheadProblemKey(read.problem), undefined, read.line === null ? undefined : { line: read.line });
  await storeDayAheadHours(db(), { accountId: member.accountId }, read.hours);
  revalidatePath('/sessions', 'layout');
  const summary = summarizeHours(read.hours);
  return ok({ ...summary, first: summary.first?.toISOString() ?? null, last: summary.last?.toISOString() ?? null });
});

export const setDayAheadFeedAction = memberAction(dayAheadFeedSchema, async ({ input, member }) => {
  await setDayAheadFeed(db(), { accountId: member.accountId, url: input.url, createdBy: member.userId });
  revalidatePath('/sessions', 'layout');
  return ok(null);
});

export const removeDayAheadFeedAction = memberAction(
  accountClaim,
  async ({ member }) => {
    await setDayAheadFeed(db(), { accountId: member.accountId, url: null, createdBy: member.userId });
    revalidatePath('/sessions', 'layout');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
