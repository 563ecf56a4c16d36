import { fr } from "@codegouvfr/react-dsfr";
import { downloadFileName, downloadPath, type CsvDialect, type DownloadDefinition } from "@defis/domain";
import { parisToday } from "../../lib/format";

interface DownloadLinkProps {
  download: DownloadDefinition;
  extension: "csv" | "xlsx";
  /** For a money table: the CSV dialect. */
  dialect?: CsvDialect;
  /** The visible words ("CSV pour Excel"). */
  children: string;
  /** What the file holds, for a screen reader that lists the links out of context. */
  context?: string;
}

/**
 * A server download, not a page of the app: a plain link, with the DSFR
 * download style and, as its detail, the name the file will have today.
 */
export function DownloadLink({ download, extension, dialect, children, context }: DownloadLinkProps) {
  return (
    <a
      className={fr.cx("fr-link", "fr-link--download", "fr-mr-4w")}
      href={downloadPath(download, dialect)}
      download
    >
      {children}
      {context && <span className={fr.cx("fr-sr-only")}>{` : ${context}`}</span>}
      <span className={fr.cx("fr-link__detail")}>
        <span className={fr.cx("fr-sr-only")}>, fichier </span>
        {downloadFileName(download, extension, parisToday(), dialect)}
      </span>
    </a>
  );
}
