// Values a hostile client puts in a form, what every answer to them must look like, and the walk
// through an action's fields with them.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import en from '@/messages/en.json';
import type { Outcome } from './action-catalog';

// Never accepted anywhere: each must be refused and never stored.
export const REFUSED_TEXT = {
  '10 kB string': 'x'.repeat(10_240),
  '12 kB of multi-byte characters': '€'.repeat(4_096),
  'NUL byte': 'before\u0000after',
  'control characters': 'bell\u0007escape\u001b[2Jline\nbreak',
};

// May be a valid value for some field (a name may be "-1"), never a reason to fail.
export const ODD_TEXT = {
  NaN: 'NaN',
  Infinity: 'Infinity',
  'negative number': '-1',
  'number beyond double': '1e309',
  'number beyond int8': '99999999999999999999',
  'hex number': '0x10',
  'JSON array': '[]',
  'JSON object': '{"$ne":null}',
  'SQL injection': "' or 1=1 --",
  'nil uuid': '00000000-0000-0000-0000-000000000000',
  'unknown uuid': randomUUID(),
  'unicode with bidi override': 'Zoë 🚗 \u202Eevil',
  blank: '   ',
};

export const HOSTILE_TEXT: Record<string, string> = { ...REFUSED_TEXT, ...ODD_TEXT };

// Not FormData at all: what a crafted request can make a server action receive.
export const WRONG_TYPED_PAYLOADS: Record<string, unknown> = {
  'plain object': { accountId: randomUUID(), name: 'x' },
  array: ['accountId', randomUUID()],
  string: 'accountId=x',
  number: 42,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  'negative number': -1,
  null: null,
  undefined: undefined,
  boolean: true,
};

export function formOf(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

export function withEvery(fields: Record<string, string>, value: string | Blob, { except = [] as string[] } = {}) {
  return Object.fromEntries(Object.entries(fields).map(([name, original]) => [name, except.includes(name) ? original : value]));
}

// An action answers with a result, a redirect, or (the failure this guards against) a throw, which
// the browser sees as a 500. An error result names only messages every language has, per field.
export function expectClearAnswer(outcome: Outcome, { label, fieldNames }: { label: string; fieldNames?: string[] }) {
  expect('thrown' in outcome ? outcome.thrown : undefined, label).toBeUndefined();
  if (!('result' in outcome)) return;
  const result = outcome.result as { status?: string; formError?: string; fieldErrors?: Record<string, string[]> } | undefined;
  if (result?.status !== 'error') return;
  if (result.formError) expect(Object.keys(en.Errors), label).toContain(result.formError);
  for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
    if (fieldNames) expect(fieldNames, `${label}: error for an unknown field`).toContain(field);
    for (const key of keys) expect(Object.keys(en.Validation), `${label}: ${field}`).toContain(key);
  }
}

export function fieldErrorsOf(outcome: Outcome): Record<string, string[]> {
  if (!('result' in outcome)) return {};
  return (outcome.result as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
}

export function stores(snapshot: unknown, value: string): boolean {
  return JSON.stringify(snapshot).includes(JSON.stringify(value).slice(1, -1));
}

// One call of the action under test with the payload built for the current target, its answer checked.
export type Attempt<T> = (payload: (target: T) => unknown, options: { label: string; isComplete?: boolean }) => Promise<{ outcome: Outcome; after: unknown }>;

// A password may hold any character (it is only hashed); a hidden field (a link's token, the path
// to return to) is answered for the whole form or ignored, as the person never typed it.
const FREE_TEXT_FIELDS = /password|callbackUrl|token/i;

// First every field but the ids hostile at once, then the ids too; then each field the action
// reported an error for, alone hostile among valid ones: refused next to that field, never stored.
export async function sendHostileValues<T>({ name, attempt, validFields, idFields }: { name: string; attempt: Attempt<T>; validFields: (target: T) => Record<string, string>; idFields: string[] }) {
  const checkedFields = new Set<string>();
  for (const [kind, value] of Object.entries(HOSTILE_TEXT)) {
    const label = `${name} with ${kind}`;
    const { outcome, after } = await attempt((target) => formOf(withEvery(validFields(target), value, { except: idFields })), { label, isComplete: true });
    for (const field of Object.keys(fieldErrorsOf(outcome))) checkedFields.add(field);
    if (kind in REFUSED_TEXT) expect(stores(after, value), `${label}: stored`).toBe(false);
    // The ids hostile too, but for the first (the account's own): nothing to act on.
    if (idFields.length === 0) continue;
    const forged = await attempt((target) => formOf(withEvery(validFields(target), value, { except: idFields.slice(0, 1) })), { label: `${label} as ids`, isComplete: true });
    if (kind in REFUSED_TEXT) expect(stores(forged.after, value), `${label} as ids: stored`).toBe(false);
  }
  for (const field of [...checkedFields].filter((field) => !idFields.includes(field) && !FREE_TEXT_FIELDS.test(field))) {
    for (const [kind, value] of Object.entries(REFUSED_TEXT)) {
      const label = `${name} with ${kind} in ${field}`;
      const { outcome, after } = await attempt((target) => formOf({ ...validFields(target), [field]: value }), { label, isComplete: true });
      expect(fieldErrorsOf(outcome)[field], `${label}: ${JSON.stringify(outcome).slice(0, 300)}`).toBeDefined();
      expect(stores(after, value), `${label}: stored`).toBe(false);
    }
  }
}
