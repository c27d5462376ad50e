import { z } from 'zod';
import { CURRENCIES } from '@/domain/charging/tariff';
import { checkPeriods, hoursValid, type TimeOfUsePeriod } from '@/domain/prices/time-of-use';
import { accountClaim, blankAsUndefined, key } from '@/lib/validation';

// Empty means "the account's tariff"; a uuid names one of its chargers.
const target = z.preprocess(blankAsUndefined, z.uuid(key('required')).optional());

export const tariffTargetSchema = accountClaim.extend({ chargerId: target });

// A decimal comma is how most of Europe types prices.
const PRICE = /^\d{1,8}(\.\d{1,4})?$/;
const readPrice = (value: unknown) => (typeof value === 'string' ? value.trim().replace(',', '.') : '');
const priceField = z
  .string(key('required'))
  .trim()
  .min(1, { ...key('required'), abort: true })
  .transform((value) => value.replace(',', '.'))
  .pipe(z.string().regex(PRICE, key('priceInvalid')));

const currencyField = z.enum(CURRENCIES, key('currencyInvalid'));

// The rows of the time-of-use editor arrive as days-0, fromHour-0, …, price-0, days-1, …; errors name the row's
// own field (price-N, hours-N, season-N, row-N for an overlap), and `periods` the whole table (a gap, no rows).
const ROW_FIELD = /^(days|fromHour|toHour|fromMonth|toMonth|price)-(\d{1,3})$/;
const DAYS = ['everyDay', 'weekdays', 'weekend'] as const;

function rowsOf(fields: Record<string, unknown>) {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [name, value] of Object.entries(fields)) {
    const match = ROW_FIELD.exec(name);
    if (match) rows.set(Number(match[2]), { ...rows.get(Number(match[2])), [match[1]!]: value });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

const wholeNumber = (value: unknown) => (typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value) : null);

function periodsOf(fields: Record<string, unknown>, context: z.RefinementCtx): TimeOfUsePeriod[] | null {
  const rows = rowsOf(fields);
  if (rows.length === 0) context.addIssue({ code: 'custom', path: ['periods'], message: 'periodsEmpty' });
  const periods: TimeOfUsePeriod[] = [];
  rows.forEach((row, i) => {
    const days = DAYS.find((day) => day === row.days);
    const fromHour = wholeNumber(row.fromHour);
    const toHour = wholeNumber(row.toHour);
    const fromMonth = blankAsUndefined(row.fromMonth) === undefined ? null : wholeNumber(row.fromMonth);
    const toMonth = blankAsUndefined(row.toMonth) === undefined ? null : wholeNumber(row.toMonth);
    const price = readPrice(row.price);
    if (!days) context.addIssue({ code: 'custom', path: [`days-${i}`], message: 'choiceInvalid' });
    const hoursGiven = fromHour !== null && toHour !== null && hoursValid(fromHour, toHour);
    if (!hoursGiven) context.addIssue({ code: 'custom', path: [`hours-${i}`], message: 'periodHoursInvalid' });
    const seasonGiven = [row.fromMonth, row.toMonth].map((month) => blankAsUndefined(month) !== undefined);
    const seasonValid = (!seasonGiven[0] && !seasonGiven[1]) || [fromMonth, toMonth].every((month) => month !== null && month >= 1 && month <= 12);
    if (!seasonValid) context.addIssue({ code: 'custom', path: [`season-${i}`], message: 'periodSeasonInvalid' });
    if (!PRICE.test(price)) context.addIssue({ code: 'custom', path: [`price-${i}`], message: price === '' ? 'required' : 'priceInvalid' });
    if (days && hoursGiven && seasonValid) {
      periods.push({ days, fromHour, toHour, fromMonth: seasonGiven[0] ? fromMonth : null, toMonth: seasonGiven[0] ? toMonth : null, pricePerKwh: price });
    }
  });
  if (periods.length !== rows.length || rows.length === 0) return null;
  const problem = checkPeriods(periods);
  if (problem?.kind === 'overlap') context.addIssue({ code: 'custom', path: [`row-${problem.row}`], message: 'periodOverlaps' });
  // Rows reach here with their hours and season checked: what is left to find is an overlap or a gap.
  else if (problem?.kind === 'gap') context.addIssue({ code: 'custom', path: ['periods'], message: 'periodsGap' });
  return problem ? null : periods;
}

const priceSettings = tariffTargetSchema.extend({
  kind: z.enum(['fixed', 'timeOfUse', 'dayAhead'], key('choiceInvalid')),
  currency: currencyField,
});

// A fixed or day-ahead price (its fallback) takes pricePerKwh; a time-of-use price takes its rows.
export const setPriceSchema = z.unknown().transform((raw, context) => {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const parsed = priceSettings.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  const settings = parsed.data;
  if (settings.kind === 'timeOfUse') {
    const periods = periodsOf(fields, context);
    return periods ? { ...settings, pricePerKwh: null, periods } : z.NEVER;
  }
  const price = priceField.safeParse(fields.pricePerKwh ?? '');
  if (!price.success) {
    context.addIssue({ code: 'custom', path: ['pricePerKwh'], message: price.error.issues[0]!.message });
    return z.NEVER;
  }
  return { ...settings, pricePerKwh: price.data, periods: null };
});

export const timeZoneSchema = accountClaim.extend({
  timeZone: z
    .string(key('required'))
    .trim()
    .min(1, key('required'))
    .max(64, key('timeZoneInvalid'))
    .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', key('timeZoneInvalid')),
});

// A person's own price: a member (userId) or a card (cardId), one of the two.
const holderFields = {
  userId: z.preprocess(blankAsUndefined, z.uuid(key('required')).optional()),
  cardId: z.preprocess(blankAsUndefined, z.uuid(key('required')).optional()),
};
const oneHolder = (value: { userId?: string; cardId?: string }) => Boolean(value.userId) !== Boolean(value.cardId);

export const personalTargetSchema = accountClaim.extend(holderFields).refine(oneHolder, { ...key('required'), path: ['userId'] });

export const setPersonalPriceSchema = accountClaim
  .extend({ ...holderFields, pricePerKwh: priceField, currency: currencyField })
  .refine(oneHolder, { ...key('required'), path: ['userId'] });

const chosenFile = (value: unknown) => (value instanceof File && (value.size > 0 || value.name !== '') ? value : undefined);

export const importDayAheadSchema = accountClaim.extend({
  file: z.preprocess(chosenFile, z.instanceof(File, key('dayAheadFileMissing'))),
});

export const dayAheadFeedSchema = accountClaim.extend({
  url: z
    .string(key('required'))
    .trim()
    .min(1, key('required'))
    .max(2000, key('tooLong'))
    .pipe(z.url({ protocol: /^https?$/, ...key('feedUrlInvalid') })),
});
