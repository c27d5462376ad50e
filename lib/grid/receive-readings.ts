import 'server-only';
import { createTranslator } from 'next-intl';
import type { Database } from '@/db/client';
import { accountOfApiToken } from '@/domain/data/api-tokens';
import { recordGridReadings } from '@/domain/data/grid-power';
import { parseGridReadings } from '@/domain/grid/readings';
import { negotiateLocale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

// A reading is a few dozen bytes; a batch of the most readings allowed stays far below this.
const MAX_BODY_BYTES = 16 * 1024;

type Refusal = 'unauthorized' | 'notJson' | 'tooLarge' | 'tooFrequent' | 'noReadings' | 'tooManyReadings' | 'powerInvalid' | 'powerOutOfRange' | 'timeInvalid' | 'timeInFuture' | 'timeTooOld';
const STATUS: Record<Refusal, number> = {
  unauthorized: 401,
  notJson: 400,
  tooLarge: 413,
  tooFrequent: 429,
  noReadings: 400,
  tooManyReadings: 400,
  powerInvalid: 400,
  powerOutOfRange: 400,
  timeInvalid: 400,
  timeInFuture: 400,
  timeTooOld: 400,
};
const EXTRA_HEADERS: Partial<Record<Refusal, Record<string, string>>> = {
  unauthorized: { 'www-authenticate': 'Bearer realm="chargewatch"' },
  tooFrequent: { 'retry-after': '1' },
};

async function refuse(request: Request, error: Refusal, index: number | null = null) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'GridFeedApi' });
  const message = index === null ? t(error) : t('inReading', { index, problem: t(error) });
  return Response.json({ error, message, ...(index !== null && { index }) }, { status: STATUS[error], headers: { 'cache-control': 'no-store', ...EXTRA_HEADERS[error] } });
}

async function readJson(request: Request): Promise<unknown | 'tooLarge' | 'notJson'> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return 'tooLarge';
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return 'tooLarge';
  try {
    return JSON.parse(text);
  } catch {
    return 'notJson';
  }
}

// POST /api/v1/grid-power with `Authorization: Bearer <token>`: the site's grid power, from the home meter. Every
// refusal is a JSON { error, message } in the caller's language (Accept-Language), never a 500 for bad input.
export async function receiveGridReadings(db: Database, request: Request): Promise<Response> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const owner = bearer ? await accountOfApiToken(db, bearer) : null;
  if (!owner) return refuse(request, 'unauthorized');
  const body = await readJson(request);
  if (body === 'tooLarge' || body === 'notJson') return refuse(request, body);
  const parsed = parseGridReadings(body, new Date());
  if (!parsed.ok) return refuse(request, parsed.problem, parsed.index);
  const stored = await recordGridReadings(db, { accountId: owner.accountId, readings: parsed.readings });
  if (!stored.ok) return refuse(request, stored.reason);
  return Response.json({ stored: parsed.readings.length }, { status: 202, headers: { 'cache-control': 'no-store' } });
}
