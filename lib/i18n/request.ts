import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, isTimeZone, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE } from './locales';
import { loadMessages } from './messages';

// The user's stored language is mirrored into the cookie at login and on every change,
// so the cookie answers for signed-in users; Accept-Language decides before that.
export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const fromCookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale(headerStore.get('accept-language'));
  const zone = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: isTimeZone(zone) ? zone : 'UTC',
  };
});
