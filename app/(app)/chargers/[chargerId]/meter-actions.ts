'use server';

import { fail, ok } from '@/lib/action-result';
import { updateMeterSettings } from '@/domain/data/chargers';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { meterSettingsSchema } from './meter-schemas';

export const updateMeterSettingsAction = memberAction(meterSettingsSchema, async ({ input, member }) => {
  const measurands = [
    'Energy.Active.Import.Register',
    ...(input.power ? ['Power.Active.Import'] : []),
    ...(input.current ? ['Current.Import'] : []),
    ...(input.soc ? ['SoC'] : []),
  ];
  const result = await updateMeterSettings(db(), {
    accountId: member.accountId,
    chargerId: input.chargerId,
    sampleIntervalSec: input.sampleIntervalSec ?? null,
    measurands,
  });
  return result.ok ? ok(null) : fail('notFound');
});
