import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../db/schema/locales';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import lt from '../../messages/lt.json';

const MESSAGES: Record<Locale, typeof en> = { en, lt, de, fr, es };

// A statement's own words for the PDF, the CSV and its e-mail, which the OCPP server makes too (no Next there).
export function statementTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'StatementDocument' });
}

export type StatementTranslator = ReturnType<typeof statementTranslator>;
