// Each charger a guest may use is a checkbox of its own ("charger:<id>"), since a form's fields arrive as one value
// per name. Kept apart from the schema so that the client form does not load zod, whose eval probe the
// Content-Security-Policy reports.
const CHARGER_FIELD = 'charger:';

export function chargerFieldName(chargerId: string): string {
  return `${CHARGER_FIELD}${chargerId}`;
}

export function chargerIdsOf(fields: object): string[] {
  return Object.keys(fields).filter((name) => name.startsWith(CHARGER_FIELD)).map((name) => name.slice(CHARGER_FIELD.length));
}
