import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRef, useState, type ReactNode } from "react";
import { downloadCsv, downloadSvgAsPng, type CsvTable } from "../lib/chart-download";
import { formatShortDate } from "../lib/format";
import { useNearViewport } from "../lib/use-near-viewport";
import { DataDisclosure } from "./DataDisclosure";
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
   * A picture people act on (a map whose régions are buttons, a chart whose
   * tooltips the keyboard reaches) stays exposed, named by its title; any
   * other is hidden from assistive technologies, which read the table.
   */
  interactive?: boolean;
  /** The figures as a CSV file and the picture as a PNG image, both named `fileName` (no extension). */
  download?: { fileName: string; csv: CsvTable };
  /** A time series takes the page's width; a few bars or parts keep a readable width. */
  wide?: boolean;
}

/**
 * Every chart of the dashboards: a title that states the finding, the date
 * of the data, and the same figures as an accessible table beside the
 * picture (RGAA: a chart always has a text alternative). The table sits
 * behind a « Voir les données » disclosure (a native `details`, reached by
 * the keyboard and announced by screen readers): open under every chart,
 * the tables made the dashboard a 14 000-pixel page.
 *
 * The picture is drawn once its section comes near the screen: a dashboard's
 * charts, drawn all at once, blocked the page for half a second or more
 * (docs/benchmarks.md). The table is always there.
 */
export function ChartFrame({
  headingId,
  title,
  dataDate,
  chart,
  table,
  children,
  interactive = false,
  download,
  wide = false,
}: ChartFrameProps) {
  const pictureRef = useRef<HTMLDivElement>(null);
  const [sectionRef, drawn] = useNearViewport<HTMLElement>();
  const [imageError, setImageError] = useState<string | null>(null);
  const downloadImage = () => {
    if (!download) return;
    const svg = pictureRef.current?.querySelector("svg");
    if (!svg) {
      setImageError("Le graphique est en cours de dessin : réessayez dans un instant.");
      return;
    }
    setImageError(null);
    downloadSvgAsPng(svg, `${download.fileName}.png`).catch((error: unknown) =>
      setImageError(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <section ref={sectionRef} aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
      <h3 id={headingId} className={fr.cx("fr-h5", "fr-mb-1w")}>
        {title}
      </h3>
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>
        {dataDate === null ? "Aucune donnée à ce jour." : `Données au ${formatShortDate(dataDate)}`}
      </p>
      {children}
      {/* The picture, then its table at full width: side by side, a table would scroll. */}
      <div
        ref={pictureRef}
        className={["defis-chart", wide ? "defis-chart--wide" : "", drawn ? "" : "defis-chart--pending"]
          .filter(Boolean)
          .join(" ")}
        {...(interactive ? { role: "group", "aria-label": `Graphique : ${title}` } : { "aria-hidden": true })}
      >
        {drawn && chart}
      </div>
      <DataDisclosure
        label={table.caption}
        summary={
          <>
            Voir les données<span className={fr.cx("fr-sr-only")}> : {table.caption}</span>
          </>
        }
      >
        <DataTable caption={table.caption} columns={table.columns} rows={table.rows} fixedLayout />
      </DataDisclosure>
      {download && (
        <ul
          className={fr.cx(
            "fr-btns-group",
            "fr-btns-group--inline-sm",
            "fr-btns-group--sm",
            "fr-btns-group--icon-left",
          )}
        >
          <li>
            <Button
              priority="secondary"
              iconId="fr-icon-download-line"
              type="button"
              onClick={() => downloadCsv(download.csv, `${download.fileName}.csv`)}
            >
              Télécharger les données (CSV)
            </Button>
          </li>
          <li>
            <Button priority="secondary" iconId="fr-icon-image-line" type="button" onClick={downloadImage}>
              Télécharger l'image (PNG)
            </Button>
          </li>
        </ul>
      )}
      {imageError && (
        <p role="alert" className={fr.cx("fr-error-text")}>
          {imageError}
        </p>
      )}
    </section>
  );
}
