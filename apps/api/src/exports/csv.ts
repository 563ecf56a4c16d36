/**
 * A column of an export, typed so that each writer (CSV for Excel, open-data
 * CSV, XLSX) renders the value its own way: amounts are integer cents, dates
 * "AAAA-MM-JJ" strings, from the database to the file.
 */
export type Column<Row> =
  | { header: string; kind?: "text"; value: (row: Row) => string | null }
  | { header: string; kind: "euros"; value: (row: Row) => number | null }
  | { header: string; kind: "integer"; value: (row: Row) => number | null }
  | { header: string; kind: "decimal"; value: (row: Row) => number | null }
  | { header: string; kind: "date"; value: (row: Row) => string | null };

/**
 * "excel": opens cleanly in French Excel — UTF-8 with a byte-order mark (or
 * Excel guesses the encoding and breaks accents), ";" between fields (the
 * comma is the decimal separator), decimal comma.
 * "opendata": what data.gouv.fr and its validators expect — UTF-8 without a
 * byte-order mark, ",", decimal point, raw values.
 * Both end lines with CRLF (RFC 4180).
 */
export type CsvFormat = "excel" | "opendata";
export const CSV_FORMATS: readonly CsvFormat[] = ["excel", "opendata"];

interface Dialect {
  byteOrderMark: string;
  separator: string;
  decimalSeparator: "," | ".";
  /** Only for a spreadsheet: open data must carry the values as they are. */
  guardFormulas: boolean;
}

const DIALECTS: Record<CsvFormat, Dialect> = {
  excel: { byteOrderMark: "\uFEFF", separator: ";", decimalSeparator: ",", guardFormulas: true },
  opendata: { byteOrderMark: "", separator: ",", decimalSeparator: ".", guardFormulas: false },
};

/**
 * Euros with two decimals, built from the digits of the integer amount of
 * cents: no floating-point division, so no rounding can creep in.
 * 123456 → "1234,56"; -5 → "-0,05".
 */
export function eurosFromCents(cents: number, decimalSeparator: "," | "."): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant en centimes invalide : ${cents}`);
  const text = String(cents);
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}${decimalSeparator}${digits.slice(-2)}`;
}

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Entier attendu : ${value}`);
  return String(value);
}

/** A measured value (two decimals at most, stored so): "12,5" for Excel, "12.5" for open data. */
export function decimalText(value: number, decimalSeparator: "," | "."): string {
  if (!Number.isFinite(value)) throw new RangeError(`Nombre attendu : ${value}`);
  const text = String(Math.round(value * 100) / 100);
  return decimalSeparator === "." ? text : text.replace(".", decimalSeparator);
}

function textField(value: string, dialect: Dialect): string {
  // A leading =, +, - or @ would make Excel run the cell as a formula (CSV injection).
  return dialect.guardFormulas && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function fieldOf<Row>(column: Column<Row>, row: Row, dialect: Dialect): string {
  switch (column.kind) {
    case "euros": {
      const cents = column.value(row);
      return cents === null ? "" : eurosFromCents(cents, dialect.decimalSeparator);
    }
    case "integer": {
      const value = column.value(row);
      return value === null ? "" : integerText(value);
    }
    case "decimal": {
      const value = column.value(row);
      return value === null ? "" : decimalText(value, dialect.decimalSeparator);
    }
    case "date":
      return column.value(row) ?? "";
    case undefined:
    case "text": {
      const value = column.value(row);
      return value === null ? "" : textField(value, dialect);
    }
  }
}

function quoted(field: string, dialect: Dialect): string {
  const needsQuotes =
    field.includes('"') || field.includes(dialect.separator) || field.includes("\r") || field.includes("\n");
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

function lineOf(fields: readonly string[], dialect: Dialect): string {
  return fields.map((field) => quoted(field, dialect)).join(dialect.separator) + "\r\n";
}

/** The byte-order mark if the dialect has one, and the header line. */
function headOf<Row>(columns: readonly Column<Row>[], dialect: Dialect): string {
  return (
    dialect.byteOrderMark +
    lineOf(
      columns.map((column) => column.header),
      dialect,
    )
  );
}

function linesOf<Row>(rows: readonly Row[], columns: readonly Column<Row>[], dialect: Dialect): string {
  return rows
    .map((row) =>
      lineOf(
        columns.map((column) => fieldOf(column, row, dialect)),
        dialect,
      ),
    )
    .join("");
}

/** The whole file, header first, every line (the last one too) ended by CRLF. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[], format: CsvFormat): string {
  const dialect = DIALECTS[format];
  return headOf(columns, dialect) + linesOf(rows, columns, dialect);
}

/**
 * The same file as `toCsv`, one piece per chunk of rows as they come: the
 * text of a large table never sits whole in memory.
 */
export async function* csvPieces<Row>(
  chunks: AsyncIterable<readonly Row[]>,
  columns: readonly Column<Row>[],
  format: CsvFormat,
): AsyncGenerator<string> {
  const dialect = DIALECTS[format];
  // The first rows are read before the header is given: a failing read sends nothing.
  const rest = chunks[Symbol.asyncIterator]();
  const first = await rest.next();
  yield headOf(columns, dialect) + (first.done ? "" : linesOf(first.value, columns, dialect));
  if (first.done) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield linesOf(next.value, columns, dialect);
  }
}
