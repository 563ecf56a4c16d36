import { fr } from "@codegouvfr/react-dsfr";
import {
  CSV_DIALECTS,
  IMPACT_TABLE_DOWNLOADS,
  MONEY_TABLE_DOWNLOADS,
  WORKBOOK_DOWNLOAD,
} from "@defis/domain";
import { DownloadLink } from "./DownloadLink";
import { ScdlDownload } from "./ScdlDownload";

interface DownloadsSectionProps {
  headingId: string;
  title: string;
}

/**
 * The portfolio's files where users look for them (portfolio, finances): each
 * money and impact table as CSV for Excel or open-data CSV, the five in one
 * XLSX workbook, and the SCDL open-data file with what it will hold.
 */
export function DownloadsSection({ headingId, title }: DownloadsSectionProps) {
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-6w")}>
      <h2 id={headingId}>{title}</h2>
      <p>
        Les fichiers sont produits à la demande, avec les données du jour. Le CSV pour Excel s'ouvre tel quel
        dans un tableur français ; le CSV open data suit les usages de data.gouv.fr (virgule, point décimal).
      </p>
      <ul className={fr.cx("fr-raw-list")}>
        {[...Object.values(MONEY_TABLE_DOWNLOADS), ...Object.values(IMPACT_TABLE_DOWNLOADS)].map(
          (download) => (
            <li key={download.route} className={fr.cx("fr-mb-3w")}>
              <p className={fr.cx("fr-mb-1v")}>{download.label}</p>
              <DownloadLink download={download} extension="csv" dialect="excel" context={download.label}>
                {CSV_DIALECTS.excel}
              </DownloadLink>
              <DownloadLink download={download} extension="csv" dialect="opendata" context={download.label}>
                {CSV_DIALECTS.opendata}
              </DownloadLink>
            </li>
          ),
        )}
        <li className={fr.cx("fr-mb-3w")}>
          <p className={fr.cx("fr-mb-1v")}>Les cinq tableaux dans un classeur, une feuille chacun</p>
          <DownloadLink download={WORKBOOK_DOWNLOAD} extension="xlsx">
            {WORKBOOK_DOWNLOAD.label}
          </DownloadLink>
        </li>
      </ul>
      <ScdlDownload />
    </section>
  );
}
