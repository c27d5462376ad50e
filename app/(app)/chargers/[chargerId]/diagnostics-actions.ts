'use server';

import { revalidatePath } from 'next/cache';
import { fail, fieldError, ok } from '@/lib/action-result';
import { lacksSecurityExtension } from '@/domain/data/security-extension';
import { requestDiagnostics, type DiagnosticsAnswer } from '@/domain/diagnostics/request';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { requestDiagnosticsSchema } from './diagnostics-schemas';

// How long the page waits for the charger's answer before saying it is still on its way.
const WAIT_MS = 8_000;

export const requestDiagnosticsAction = memberAction<typeof requestDiagnosticsSchema, DiagnosticsAnswer>(requestDiagnosticsSchema, async ({ input, member, values }) => {
  if (input.logType && (await lacksSecurityExtension(db(), { accountId: member.accountId, chargerId: input.chargerId }))) {
    return fieldError('logType', 'logNeedsSecurityExtension', values);
  }
  const requested = await requestDiagnostics(db(), {
    accountId: member.accountId,
    chargerId: input.chargerId,
    requestedBy: member.userId,
    startTime: input.startTime,
    stopTime: input.stopTime,
    logType: input.logType,
    appUrl: appUrl(),
    waitMs: WAIT_MS,
  });
  if (!requested.ok) return fail(requested.reason === 'chargerOffline' ? 'diagnosticsChargerOffline' : 'notFound', { values });
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok(requested.value);
});
