import type { ImportFormat } from "@defis/domain";
import { CsvError, parse, type Info } from "csv-parse";
import ExcelJS from "exceljs";
import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import type { CellValue } from "./import-cells.js";
import { columnPositions, ImportFileError, type ColumnPositions, type ColumnSpec } from "./import-columns.js";
import { checkWorkbookBounds, IMPORT_LIMITS, tooManyRows } from "./import-bounds.js";

/** One data row of the file: its line (the header is line 1) and its cell under each expected column. */
export interface SourceRow<Key extends string = string> {
  line: number;
  cells: Record<Key, CellValue>;
}

/**
 * The file is fed in small chunks: the parsers then emit rows as they are
 * consumed (back-pressure), instead of parsing 20 Mo into memory at once.
 */
function chunked(file: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let start = 0; start < file.length; start += size) yield file.subarray(start, start + size);
    })(),
  );
}

function rowOf<Key extends string>(
  line: number,
  values: readonly CellValue[],
  positions: ColumnPositions<Key>,
): SourceRow<Key> {
  const cells = Object.fromEntries(
    Object.entries<number | undefined>(positions).map(([key, position]) => [
      key,
      position === undefined ? null : (values[position] ?? null),
    ]),
  );
  return { line, cells: cells as Record<Key, CellValue> };
}

/** ";" (Excel in French) or "," (open data), whichever the header line uses outside quotes. */
export function detectDelimiter(file: Buffer): ";" | "," {
  const head = file
    .subarray(0, 64 * 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const character of firstLine) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && character === ";") semicolons += 1;
    else if (!inQuotes && character === ",") commas += 1;
  }
  return semicolons > 0 && semicolons >= commas ? ";" : ",";
}

const CSV_PROBLEMS: Partial<Record<CsvError["code"], string>> = {
  CSV_QUOTE_NOT_CLOSED: "un guillemet ouvert n'est jamais fermé",
  CSV_INVALID_CLOSING_QUOTE: "un guillemet fermant est suivi d'autres caractères",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "un guillemet fermant est suivi d'autres caractères",
  INVALID_OPENING_QUOTE: "un guillemet apparaît au milieu d'un champ",
  CSV_MAX_RECORD_SIZE: "une ligne est trop longue",
};

function csvFileError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = typeof error.lines === "number" ? ` (ligne ${error.lines})` : "";
  const problem = CSV_PROBLEMS[error.code] ?? "sa structure n'a pas pu être lue";
  return new ImportFileError(`Le fichier CSV est mal formé${line} : ${problem}.`);
}

/** Rows of a UTF-8 CSV file (byte-order mark or not), separated by ";" or ",". */
export async function* csvRows<Key extends string>(
  file: Buffer,
  spec: ColumnSpec<Key>,
): AsyncGenerator<SourceRow<Key>> {
  if (!isUtf8(file)) {
    throw new ImportFileError(
      "Le fichier n'est pas encodé en UTF-8. Dans Excel, choisissez « Enregistrer sous » puis " +
        "« CSV UTF-8 (délimité par des virgules) », ou envoyez directement le classeur XLSX.",
    );
  }
  const parser = chunked(file).pipe(
    parse({
      delimiter: detectDelimiter(file),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: 64 * 1024,
    }),
  );
  let positions: ColumnPositions<Key> | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!positions) {
        positions = columnPositions(record, spec);
        continue;
      }
      if ((rows += 1) > IMPORT_LIMITS.rows) throw tooManyRows();
      yield rowOf(info.lines, record, positions);
    }
  } catch (error) {
    throw csvFileError(error);
  } finally {
    parser.destroy();
  }
  if (!positions) throw new ImportFileError("Le fichier est vide.");
}

/** What a spreadsheet cell holds, reduced to text, number or date (formulas give their result). */
function cellValueOf(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return typeof result === "object" && result !== null && "error" in result ? null : cellValueOf(result);
  }
  if ("text" in value) return value.text;
  return null;
}

/**
 * Rows of the first sheet of an XLSX workbook. Its bounds (parts, inflated
 * sizes, rows) are checked first, streaming; then, known to be small enough,
 * it is loaded whole: exceljs's streaming reader spills sheets that precede
 * the shared strings to temporary files, and its own cleanup raced with
 * reading them.
 */
export async function* xlsxRows<Key extends string>(
  file: Buffer,
  spec: ColumnSpec<Key>,
): AsyncGenerator<SourceRow<Key>> {
  await checkWorkbookBounds(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(chunked(file));
  } catch {
    throw new ImportFileError(
      "Le classeur n'a pas pu être lu : vérifiez qu'il s'agit bien d'un fichier XLSX (Excel 2007 ou plus récent).",
    );
  }
  const sheet = workbook.worksheets[0];
  let positions: ColumnPositions<Key> | null = null;
  for (let number = 1; sheet && number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const values = (row.values as (ExcelJS.CellValue | undefined)[]).map(cellValueOf);
    if (values.every((value) => value === null || (typeof value === "string" && value.trim() === "")))
      continue;
    if (!positions) {
      positions = columnPositions(values, spec);
      continue;
    }
    yield rowOf(row.number, values, positions);
  }
  if (!positions) throw new ImportFileError("La première feuille du classeur est vide.");
}

/** Rows handled together: a few statements for a thousand rows, rather than a few for each. */
const BATCH_ROWS = 1_000;

/** The rows of the file in order, a thousand at a time. */
export async function* rowBatchesOf<Key extends string>(
  file: Buffer,
  format: ImportFormat,
  spec: ColumnSpec<Key>,
): AsyncGenerator<SourceRow<Key>[]> {
  let batch: SourceRow<Key>[] = [];
  for await (const row of format === "csv" ? csvRows(file, spec) : xlsxRows(file, spec)) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
