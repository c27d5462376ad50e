// What the grant form computes in the browser. Kept apart from the schema so that the client form does not load zod,
// whose eval probe the Content-Security-Policy reports.

// Each charger a guest may use is a checkbox of its own ("charger:<id>"), since a form's fields arrive as one value
// per name.
const CHARGER_FIELD = 'charger:';

export function chargerFieldName(chargerId: string): string {
  return `${CHARGER_FIELD}${chargerId}`;
}

export function chargerIdsOf(fields: object): string[] {
  return Object.keys(fields).filter((name) => name.startsWith(CHARGER_FIELD)).map((name) => name.slice(CHARGER_FIELD.length));
}

// In the browser: the offset at the wall-clock time typed, not at the moment of typing, which differs by an hour when
// summer time begins or ends in between. A time not yet complete takes the present offset.
export function browserOffsetAt(local: string): number {
  const at = new Date(local);
  return (Number.isNaN(at.getTime()) ? new Date() : at).getTimezoneOffset();
}
