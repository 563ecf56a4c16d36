import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
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
    case "integer": {
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

/**
 * Waits while the response holds more than it can send: rows are read no
 * faster than the client takes them. A client gone stops the export (and
 * frees its transaction) instead of waiting for a drain that never comes.
 */
async function roomIn(output: Writable): Promise<void> {
  if (output.destroyed) throw new Error(CLOSED_EARLY);
  if (!output.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off("drain", onDrain);
      output.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error(CLOSED_EARLY));
    output.on("drain", onDrain);
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
  write(firstRows);
  await roomIn(output);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    write(next.value);
    await roomIn(output);
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
  await workbook.commit();
}
