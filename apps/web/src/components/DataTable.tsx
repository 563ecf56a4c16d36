import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

export interface TableColumn {
  header: ReactNode;
  /** Amounts and counts: right-aligned, so that units line up and figures compare at a glance. */
  numeric?: boolean;
}

export interface TableRow {
  key: string | number;
  /** The first cell names the row (th scope="row"), the others are its figures. */
  cells: ReactNode[];
}

interface DataTableProps {
  caption: ReactNode;
  columns: TableColumn[];
  rows: TableRow[];
  /**
   * Columns share the width and long texts wrap: a wide table then fits its
   * column instead of scrolling (a scrolling region must be reachable by keyboard).
   */
  fixedLayout?: boolean;
}

/**
 * The DSFR table markup, with row headers and right-aligned amount cells
 * (the DSFR Table component puts every cell in a plain td, left-aligned).
 */
export function DataTable({ caption, columns, rows, fixedLayout = false }: DataTableProps) {
  const alignment = (index: number) => (columns[index]?.numeric ? "defis-table-amount" : undefined);
  return (
    <div className={fr.cx("fr-table", fixedLayout && "fr-table--layout-fixed")}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={alignment(index)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className={alignment(index)}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={alignment(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
