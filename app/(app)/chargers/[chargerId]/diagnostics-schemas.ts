import { z } from 'zod';
import { LOG_TYPES } from '@/domain/commands/actions';
import type { ValidationKey } from '@/lib/action-result';
import { blankAsUndefined, key } from '@/lib/validation';
import { chargerClaim } from '../schemas';

// The form turns the times the user picked in their own clock into instants with an offset before it sends them.
const instant = z.preprocess(blankAsUndefined, z.iso.datetime({ offset: true, ...key('dateInvalid') }).pipe(z.coerce.date()).optional());

// Empty: GetDiagnostics; a log type: the security whitepaper's GetLog.
const logType = z.preprocess(blankAsUndefined, z.enum(LOG_TYPES, key('logTypeInvalid')).optional());

export const requestDiagnosticsSchema = chargerClaim
  .extend({ startTime: instant, stopTime: instant, logType })
  .superRefine((value, context) => {
    if (value.startTime && value.stopTime && value.stopTime <= value.startTime) {
      context.addIssue({ code: 'custom', path: ['stopTime'], message: 'diagnosticsStopBeforeStart' satisfies ValidationKey });
    }
  });
export type RequestDiagnosticsInput = z.infer<typeof requestDiagnosticsSchema>;
