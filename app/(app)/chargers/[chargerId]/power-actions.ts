'use server';

import { revalidatePath } from 'next/cache';
import { getTimeZone } from 'next-intl/server';
import { fail, ok } from '@/lib/action-result';
import { savePowerSettings } from '@/domain/data/power-settings';
import type { PowerOutcome } from '@/domain/smart-charging/apply-power-settings';
import { sendPowerSettingsOverBus } from '@/domain/smart-charging/send-over-bus';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { powerSettingsSchema } from './power-schemas';

// Owners and co-owners (memberAction refuses drivers and guests): a limit decides when and how fast everyone's car
// charges. Saved, then sent, and the charger's answer (and the schedule it reports) shown; an offline charger takes
// them at its next connection.
export const savePowerSettingsAction = memberAction<typeof powerSettingsSchema, PowerOutcome | null>(powerSettingsSchema, async ({ input, member }) => {
  const target = { accountId: member.accountId, chargerId: input.chargerId };
  const saved = await savePowerSettings(db(), { ...target, maxPowerW: input.maxPowerW, windows: input.windows, phases: input.phases, voltage: input.voltage, timeZone: input.timeZone ?? (await getTimeZone()), updatedBy: member.userId });
  if (!saved.ok) return fail('notFound');
  const outcome = await sendPowerSettingsOverBus(db(), { ...target, requestedBy: member.userId });
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok(outcome);
});
