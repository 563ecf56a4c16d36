import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { formatShortDate } from "../lib/format";
import { DataTable, type TableColumn, type TableRow } from "./DataTable";

export interface ChartTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

interface ChartFrameProps {
  /** Id of the heading, which names the section. */
  headingId: string;
  /** What the chart shows, said as a finding ("6 adoptions sur 25 sont déployées"). */
  title: string;
  /** The date of the data; null while there is none. */
  dataDate: Date | string | null;
  /** The picture: hidden from assistive technologies, which read the table beside it. */
  chart: ReactNode;
  table: ChartTable;
  /** Under the title: how to read the chart, a formula, a source. */
  children?: ReactNode;
  /**
   * A picture people act on (a map whose régions are buttons) stays exposed;
   * any other is hidden from assistive technologies, which read the table.
   */
  interactive?: boolean;
}

/**
 * Every chart of the dashboards: a title that states the finding, the date
 * of the data, and the same figures as an accessible table beside the
 * picture (RGAA: a chart always has a text alternative).
 */
export function ChartFrame({
  headingId,
  title,
  dataDate,
  chart,
  table,
  children,
  interactive = false,
}: ChartFrameProps) {
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
      <h3 id={headingId} className={fr.cx("fr-h5", "fr-mb-1w")}>
        {title}
      </h3>
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>
        {dataDate === null ? "Aucune donnée à ce jour." : `Données au ${formatShortDate(dataDate)}`}
      </p>
      {children}
      {/* The picture, then its table at full width: side by side, a table would scroll. */}
      <div className="defis-chart" aria-hidden={interactive ? undefined : true}>
        {chart}
      </div>
      <DataTable caption={table.caption} columns={table.columns} rows={table.rows} fixedLayout />
    </section>
  );
}
