// RFC 4180: a field with a comma, a quote or a line break is quoted, inner quotes doubled; lines end in CRLF.
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// Names and labels are typed by users; a spreadsheet would run one starting with = + - @ as a formula.
export function csvText(value: string | null): string {
  if (value === null) return '';
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

export function csvLine(fields: string[]): string {
  return `${fields.join(',')}\r\n`;
}
