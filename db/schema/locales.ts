// Plain constants (no drizzle import) so that browser code can use them too.
export const LOCALES = ['en', 'lt', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
