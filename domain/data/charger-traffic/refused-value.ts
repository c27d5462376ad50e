// SQLSTATE class 22 (data exception: out of range, malformed text), 23 (integrity constraint violation) or 54000
// (program limit exceeded: a value too large for an index row): the statement failed for a value in it, not because
// the database is away or busy. Drizzle wraps the driver's error.
export function isRefusedValue(error: unknown): boolean {
  const code = sqlState(error) ?? sqlState((error as { cause?: unknown } | null)?.cause);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23') || code === '54000');
}

function sqlState(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
