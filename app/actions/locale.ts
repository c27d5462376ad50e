'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/action-result';
import { updateUserLocale } from '@/domain/data/users';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { db } from '@/lib/db';
import { getSessionUser } from '@/lib/session';

const localeSchema = z.string().refine(isLocale);

export async function setLocaleAction(locale: Locale): Promise<ActionResult> {
  const input = localeSchema.safeParse(locale);
  if (!input.success || !isLocale(input.data)) return fail('generic');
  const user = await getSessionUser();
  if (user) await updateUserLocale(db(), { userId: user.id, locale: input.data });
  (await cookies()).set(LOCALE_COOKIE, input.data, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  return ok(null);
}
