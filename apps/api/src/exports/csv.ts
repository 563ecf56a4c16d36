import { parisDay } from "../paris-day.js";

/**
 * CSV that opens cleanly in French Excel: UTF-8 with a byte-order mark (or
 * Excel guesses the encoding and breaks accents), ";" between fields (the
 * comma is the decimal separator), CRLF line ends.
 */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

const BYTE_ORDER_MARK = "\uFEFF";

function escapeField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatValue(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  // A leading =, +, - or @ would make Excel run the cell as a formula (CSV injection).
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toExcelCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [
    columns.map((column) => escapeField(column.header)),
    ...rows.map((row) => columns.map((column) => escapeField(formatValue(column.value(row))))),
  ];
  return BYTE_ORDER_MARK + lines.map((fields) => fields.join(";")).join("\r\n") + "\r\n";
}

/** "journal-2026-11-25.csv": the date of the export, in Paris. */
export function datedFileName(prefix: string, extension: string, now = new Date()): string {
  return `${prefix}-${parisDay(now)}.${extension}`;
}
