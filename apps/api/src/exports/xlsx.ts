import ExcelJS from "exceljs";
import { eurosFromCents, type Column } from "./csv.js";

export const EURO_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = "dd/mm/yyyy";

const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

export interface Sheet<Row> {
  name: string;
  rows: readonly Row[];
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

function addSheet<Row>(workbook: ExcelJS.Workbook, sheet: Sheet<Row>): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  const widths = sheet.columns.map((column) => column.header.length);
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of sheet.rows) {
    const cells = sheet.columns.map((column, index) => {
      const cell = cellOf(column, row);
      widths[index] = Math.max(widths[index] ?? 0, cell.width);
      return cell.value;
    });
    worksheet.addRow(cells);
  }
  sheet.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[index] ?? 0) + 2));
    const numFmt = numberFormatOf(column);
    if (numFmt) {
      // Set cell by cell below the header: a column style would also reformat the header's text.
      target.eachCell((cell, rowNumber) => {
        if (rowNumber > 1) cell.numFmt = numFmt;
      });
    }
  });
  // The filter covers the data under the header, or Excel offers nothing to filter on.
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length },
  };
}

/** A sheet ready to be written, whatever the type of its rows. */
export type SheetWriter = (workbook: ExcelJS.Workbook) => void;

export function sheet<Row>(definition: Sheet<Row>): SheetWriter {
  return (workbook) => {
    addSheet(workbook, definition);
  };
}

/** One workbook, one sheet per table, ready to send. */
export async function toXlsx(sheets: readonly SheetWriter[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Défis";
  for (const write of sheets) write(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
