import { z } from 'zod';
import type { ChargingWindow } from '@/domain/smart-charging/charging-windows';
import { MAX_OWNER_POWER_KW, MAX_VOLTAGE, MIN_OWNER_POWER_KW, MIN_VOLTAGE, WINDOW_ROWS } from '@/domain/smart-charging/power-form';
import { DEFAULT_PHASES, DEFAULT_VOLTAGE } from '@/domain/smart-charging/profile';
import { isTimeZone } from '@/lib/i18n/locales';
import { blankAsUndefined, key } from '@/lib/validation';
import { chargerClaim } from '../schemas';

const invalidPower = key('maxPowerInvalid');
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

// A decimal comma is as good as a point ("7,4" in lt, de, fr, es).
const kilowatts = z.preprocess(
  (value) => blankAsUndefined(typeof value === 'string' ? value.replace(',', '.') : value),
  z.coerce.number(invalidPower).min(MIN_OWNER_POWER_KW, invalidPower).max(MAX_OWNER_POWER_KW, invalidPower).optional(),
);

const invalidPhases = key('phasesInvalid');
const invalidVoltage = key('voltageInvalid');
// A form without them (an older page still open) keeps the defaults.
const phases = z.preprocess(blankAsUndefined, z.coerce.number(invalidPhases).refine((value) => value === 1 || value === 3, invalidPhases).default(DEFAULT_PHASES));
// Nominal voltage of one phase to neutral: 100–120 V and 220–240 V supplies, with room for the rest of the world.
const voltage = z.preprocess(blankAsUndefined, z.coerce.number(invalidVoltage).int(invalidVoltage).min(MIN_VOLTAGE, invalidVoltage).max(MAX_VOLTAGE, invalidVoltage).default(DEFAULT_VOLTAGE));

// Window rows arrive as from{row}, to{row} and a checkbox day{row}_{day} per weekday; a row left blank is no window.
function readWindows(fields: Record<string, unknown>, ctx: z.RefinementCtx): ChargingWindow[] {
  const windows: ChargingWindow[] = [];
  for (let row = 0; row < WINDOW_ROWS; row++) {
    const from = text(fields[`from${row}`]);
    const to = text(fields[`to${row}`]);
    const days = [0, 1, 2, 3, 4, 5, 6].filter((day) => fields[`day${row}_${day}`] === 'on');
    if (!from && !to && days.length === 0) continue;
    // A row's errors are named after its first field, and shown under the whole row.
    const path = [`from${row}`];
    if (!TIME.test(from) || !TIME.test(to)) ctx.addIssue({ code: 'custom', path, message: 'windowTimeInvalid' });
    else if (from === to) ctx.addIssue({ code: 'custom', path, message: 'windowEmpty' });
    if (days.length === 0) ctx.addIssue({ code: 'custom', path, message: 'windowDaysMissing' });
    windows.push({ days, from, to });
  }
  return windows;
}

// The zone the form told the owner the times are in (a hidden field); one unknown here leaves the owner's own.
const formZone = z.preprocess((value) => (isTimeZone(value) ? value : undefined), z.string().optional());

export const powerSettingsSchema = chargerClaim
  .extend({ maxPowerKw: kilowatts, timeZone: formZone, phases, voltage })
  .loose()
  .transform((fields, ctx) => ({
    accountId: fields.accountId,
    chargerId: fields.chargerId,
    maxPowerW: fields.maxPowerKw === undefined ? null : Math.round(fields.maxPowerKw * 1000),
    windows: readWindows(fields, ctx),
    timeZone: fields.timeZone,
    phases: fields.phases,
    voltage: fields.voltage,
  }));
export type PowerSettingsFormInput = z.infer<typeof powerSettingsSchema>;
