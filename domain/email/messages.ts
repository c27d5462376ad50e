import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../db/schema/locales';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import lt from '../../messages/lt.json';

// The e-mails' own words, for both processes: the OCPP server sends notifications without Next, so this is use-intl,
// which next-intl is built on, over the same message files.
const MESSAGES: Record<Locale, typeof en> = { en, lt, de, fr, es };

export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Email' });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;

// A charger's error code in plain words, as the "why isn't it charging?" page says it.
export function errorCodeWords(locale: Locale, code: string | null) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'WhyNotCharging' })('errorCode', { code: code ?? 'NoError' });
}

// What a payment provider's checkout page says the member is paying for, in the member's language.
export function paymentTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Payments' });
}
