/**
 * Cells and lines of the two export formats: CSV per RFC 4180 (CRLF line ends, a field quoted when
 * it holds a comma, a quote or a line break, quotes doubled) and NDJSON (one JSON object per line).
 */

/** One exported value. Dates are written as ISO 8601 instants in UTC. */
export type Cell = string | number | boolean | Date | null | undefined | object;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text of one CSV field: quoted when needed, text that a spreadsheet would run prefixed with `'`. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** A JSON value for NDJSON: dates as ISO strings, `undefined` as null. */
const jsonValue = (value: Cell) => (value === undefined ? null : value instanceof Date ? value.toISOString() : value);

export function ndjsonLine(headers: readonly string[], cells: readonly Cell[]): string {
  const record: Record<string, unknown> = {};
  headers.forEach((header, i) => (record[header] = jsonValue(cells[i])));
  return `${JSON.stringify(record)}\n`;
}
