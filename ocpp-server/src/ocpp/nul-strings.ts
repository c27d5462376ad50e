// JSON carries U+0000 in a string ("\u0000") but PostgreSQL text and jsonb cannot hold it: such a value reached a
// handler's insert and came back as InternalError. It is "a field that contains an invalid value" instead
// (OCPP-J 1.6 §4.2.3 PropertyConstraintViolation). Called after schema validation, so the depth is the schema's.
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}
