import { Link } from "react-router";
import type { ChartTable } from "../../components/ChartFrame";
import type { CsvCell, CsvTable } from "../../lib/chart-download";
import { formatCents, formatCount, formatIndicatorValue } from "../../lib/format";

/**
 * Counts, amounts (integer cents) and indicator values (two decimals, their
 * unit in the header) are kept raw here, and formatted once for the table and
 * once for the CSV.
 */
export interface DatasetColumn {
  header: string;
  kind: "text" | "count" | "cents" | "value";
}

/** Null: no figure for this cell (a forecast before its first month), written "—" and left empty in the CSV. */
export type DatasetCell = string | number | null;

export interface DatasetRow {
  key: string;
  cells: DatasetCell[];
  /** Where the row's figures come from: its name links to the filtered list. */
  href?: string;
}

export interface Dataset {
  caption: string;
  fileName: string;
  columns: DatasetColumn[];
  rows: DatasetRow[];
}

function tableCell(column: DatasetColumn | undefined, value: DatasetCell) {
  if (value === null) return "—";
  if (column?.kind === "cents") return formatCents(Number(value));
  if (column?.kind === "count") return formatCount(Number(value));
  if (column?.kind === "value") return formatIndicatorValue(Number(value), "nombre");
  return String(value);
}

function csvCell(column: DatasetColumn | undefined, value: DatasetCell): CsvCell {
  if (value === null) return "";
  // The Excel dialect writes a decimal comma.
  if (column?.kind === "value") return String(value).replace(".", ",");
  return column?.kind === "cents" ? { cents: Number(value) } : value;
}

/** One dataset, the same numbers in the accessible table and in the downloaded file. */
export function frameData(dataset: Dataset): {
  table: ChartTable;
  download: { fileName: string; csv: CsvTable };
} {
  const { columns } = dataset;
  return {
    table: {
      caption: dataset.caption,
      columns: columns.map((column) => ({ header: column.header, numeric: column.kind !== "text" })),
      rows: dataset.rows.map((row) => ({
        key: row.key,
        cells: row.cells.map((value, index) => {
          const text = tableCell(columns[index], value);
          return index === 0 && row.href ? (
            <Link key={index} to={row.href}>
              {text}
            </Link>
          ) : (
            text
          );
        }),
      })),
    },
    download: {
      fileName: dataset.fileName,
      csv: {
        header: columns.map((column) => (column.kind === "cents" ? `${column.header} (€)` : column.header)),
        rows: dataset.rows.map((row) => row.cells.map((value, index) => csvCell(columns[index], value))),
      },
    },
  };
}
