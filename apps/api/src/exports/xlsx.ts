import ExcelJS from "exceljs";
import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { eurosFromCents, type Column } from "./csv.js";

export const EURO_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = "dd/mm/yyyy";

const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

export interface Sheet<Row> {
  name: string;
  /** The rows, a chunk at a time, in the order of the sheet. */
  chunks: AsyncIterable<readonly Row[]>;
  columns: readonly Column<Row>[];
}

/** Midnight UTC of an "AAAA-MM-JJ" day: Excel stores it as a whole serial day, with no time-zone shift. */
function excelDate(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
}

/** The value stored in the cell, and the width of its text as Excel would show it. */
function cellOf<Row>(column: Column<Row>, row: Row): { value: ExcelJS.CellValue; width: number } {
  switch (column.kind) {
    case "euros": {
      const cents = column.value(row);
      // Excel holds doubles: one division per cell, from the exact integer.
      return cents === null
        ? { value: null, width: 0 }
        : { value: cents / 100, width: eurosFromCents(cents, ",").length + 6 };
    }
    case "integer":
    case "decimal": {
      const value = column.value(row);
      return { value, width: value === null ? 0 : String(value).length };
    }
    case "date": {
      const day = column.value(row);
      return day === null ? { value: null, width: 0 } : { value: excelDate(day), width: 10 };
    }
    case undefined:
    case "text": {
      const text = column.value(row);
      return { value: text, width: text?.length ?? 0 };
    }
  }
}

function numberFormatOf<Row>(column: Column<Row>): string | undefined {
  if (column.kind === "euros") return EURO_FORMAT;
  if (column.kind === "date") return DATE_FORMAT;
  if (column.kind === "integer") return "0";
  return undefined;
}

export const CLOSED_EARLY = "La connexion a été fermée avant la fin du fichier.";

/** A stream that may hold more than it can pass on, and tells when it has caught up ("drain"). */
interface DrainEmitter {
  on(event: "drain", listener: () => void): unknown;
  off(event: "drain", listener: () => void): unknown;
}

interface Backlog {
  full: () => boolean;
  stream: DrainEmitter;
}

/** How far the rows may run ahead of the compression, per download. */
const ZIP_BACKLOG_BYTES = 8 * 1024 * 1024;

/** Archiver's streams come from readable-stream, not from node:stream: only their emitter is shared. */
const isDrainEmitter = (value: unknown): value is DrainEmitter => value instanceof EventEmitter;

const backlogOf = (output: Writable): Backlog => ({ full: () => output.writableNeedDrain, stream: output });

/**
 * Where a sheet's bytes wait before the zip compresses them. ExcelJS's sheet
 * stream hands its bytes to the zip entry's stream without waiting (it
 * ignores what `write` answers), so this entry stream, not the response, is
 * where a backlog builds up when compression or the client is slower than
 * the database: measured, four concurrent workbooks of a million payments
 * held 2.4 GB there. The entry is archiver's stream (readable-stream, whose
 * state says whether a writer should wait), reached through ExcelJS 4.4's
 * own properties (pinned by the lockfile); without them, the sheet waits on
 * the response alone.
 */
function zipEntryOf(worksheet: ExcelJS.Worksheet): Backlog | null {
  const [entry] = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
  const state = (entry as { _writableState?: { length?: unknown } } | undefined)?._writableState;
  if (!isDrainEmitter(entry) || !state || typeof state.length !== "number") return null;
  // A few megabytes ahead: the database and the compression work side by side, within a bound.
  return { full: () => Number(state.length) > ZIP_BACKLOG_BYTES, stream: entry };
}

/**
 * Waits while `backlog` holds more than it can pass on: rows are read no
 * faster than the zip and the client take them. A client gone stops the
 * export (and frees its transaction) instead of waiting for a drain that
 * never comes.
 */
async function roomIn(backlog: Backlog, output: Writable): Promise<void> {
  if (output.destroyed) throw new Error(CLOSED_EARLY);
  if (!backlog.full()) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      backlog.stream.off("drain", onDrain);
      output.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error(CLOSED_EARLY));
    backlog.stream.on("drain", onDrain);
    output.on("close", onClose);
  });
}

/**
 * One sheet, written row by row as its chunks come. The column widths are
 * those of the header and the first chunk (a streamed sheet declares its
 * columns before its first row); the filter, written after the rows, covers
 * them all.
 */
async function writeSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: Sheet<Row>,
  output: Writable,
): Promise<void> {
  // Read before the sheet opens: a database failure on the first sheet comes before any byte is sent.
  const chunks = sheet.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const firstRows = first.done ? [] : first.value;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  const widths = sheet.columns.map((column) => column.header.length);
  for (const row of firstRows)
    sheet.columns.forEach((column, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cellOf(column, row).width);
    });
  worksheet.columns = widths.map((width) => ({ width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2)) }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  const formats = sheet.columns.map(numberFormatOf);
  let count = 0;
  const write = (rows: readonly Row[]) => {
    for (const row of rows) {
      const added = worksheet.addRow(sheet.columns.map((column) => cellOf(column, row).value));
      // Cell by cell below the header: a column style would also reformat the header's text.
      formats.forEach((numFmt, index) => {
        if (numFmt) added.getCell(index + 1).numFmt = numFmt;
      });
      added.commit();
    }
    count += rows.length;
  };
  const waitForRoom = async () => {
    const entry = zipEntryOf(worksheet);
    if (entry) await roomIn(entry, output);
    await roomIn(backlogOf(output), output);
  };
  write(firstRows);
  await waitForRoom();
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    write(next.value);
    await waitForRoom();
  }
  // The filter covers the data under the header, or Excel offers nothing to filter on.
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, count + 1), column: sheet.columns.length },
  };
  worksheet.commit();
}

/** A sheet ready to be written, whatever the type of its rows. */
export type SheetWriter = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, output: Writable) => Promise<void>;

export function sheet<Row>(definition: Sheet<Row>): SheetWriter {
  return (workbook, output) => writeSheet(workbook, definition, output);
}

/**
 * One workbook, one sheet per table, zipped into `output` as the rows come
 * (ExcelJS's streaming writer): memory holds a chunk of rows and the zip's
 * buffers, whatever the size of the tables.
 */
export async function writeXlsx(output: Writable, sheets: readonly SheetWriter[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Défis";
  for (const write of sheets) await write(workbook, output);
  // Settles when the response is sent, or as soon as the client leaves: the caller's transaction never
  // outlives the download, and nothing reads through it once it has ended.
  await Promise.all([workbook.commit(), finished(output)]);
}
