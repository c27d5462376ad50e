import { z } from 'zod';
import type { ValidationKey } from '@/lib/action-result';
import { blankAsUndefined, key } from '@/lib/validation';
import { chargerClaim } from '../schemas';

// The form turns the times the user picked in their own clock into instants with an offset before it sends them.
const instant = z.preprocess(blankAsUndefined, z.iso.datetime({ offset: true, ...key('dateInvalid') }).pipe(z.coerce.date()).optional());

export const requestDiagnosticsSchema = chargerClaim
  .extend({ startTime: instant, stopTime: instant })
  .superRefine((value, context) => {
    if (value.startTime && value.stopTime && value.stopTime <= value.startTime) {
      context.addIssue({ code: 'custom', path: ['stopTime'], message: 'diagnosticsStopBeforeStart' satisfies ValidationKey });
    }
  });
export type RequestDiagnosticsInput = z.infer<typeof requestDiagnosticsSchema>;
