import 'server-only';
import { createTranslator } from 'next-intl';
import { cookies, headers } from 'next/headers';
import { isLocale, isTimeZone, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { ExportLabels } from './export-csv';

const COLUMNS = ['session', 'charger', 'connector', 'user', 'card', 'idTag', 'started', 'ended', 'durationMinutes', 'energyKwh', 'cost', 'currency', 'pricePerKwh', 'stopReason'] as const;

// The same language and time zone choice as lib/i18n/request.ts, for a route handler that renders no page.
export async function exportContext(): Promise<{ labels: ExportLabels; timeZone: string; fileName: string }> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const fromCookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale(headerStore.get('accept-language'));
  const zone = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'SessionsExport' });
  return {
    labels: { header: COLUMNS.map((column) => t(column)), deletedCard: (label) => t('deletedCard', { label }) },
    timeZone: isTimeZone(zone) ? zone : 'UTC',
    fileName: t('fileName'),
  };
}
