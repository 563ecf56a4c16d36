import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { AnyImportReport, ImportMode } from "@defis/domain";
import type { ComponentType, ReactNode } from "react";
import { formatCount, pluralize } from "../../lib/format";
import type { ImportRequestError } from "./import-api";
import type { ImportView } from "./ImportFlow";

export const RESULT_HEADING_ID = "import-resultat";

export interface Failure {
  mode: ImportMode;
  error: ImportRequestError;
}

/** The rows the report details: all of them, or only those not imported. */
export function ReportRows<Report extends AnyImportReport>({
  report,
  RowsTable,
}: {
  report: Report;
  RowsTable: ComponentType<{ caption: ReactNode; rows: Report["rows"] }>;
}) {
  if (report.rows.length === 0) return null;
  const caption =
    report.detail === "toutes"
      ? `Lignes du fichier (${formatCount(report.rows.length)})`
      : `${report.detail === "erreurs" ? "Lignes en erreur" : "Lignes non importables"} (${pluralize(
          report.rows.length,
          "ligne détaillée",
          "lignes détaillées",
        )})`;
  return (
    <>
      {report.notice && (
        <Alert severity="info" small className={fr.cx("fr-mb-3w")} description={report.notice} />
      )}
      <RowsTable caption={caption} rows={report.rows} />
    </>
  );
}

/** Why nothing was checked or imported, with the report when the server sent one. */
export function FailureSection<Report extends AnyImportReport>({
  failure,
  view,
}: {
  failure: Failure;
  view: ImportView<Report>;
}) {
  const title = failure.mode === "simulation" ? "Le fichier n'a pas pu être vérifié" : view.nothingWritten;
  // The server of `view.kind` sends its own reports.
  const report = failure.error.report as Report | null;
  return (
    <section aria-labelledby={RESULT_HEADING_ID} className={fr.cx("fr-mt-5w")}>
      <h2 id={RESULT_HEADING_ID} tabIndex={-1}>
        {failure.mode === "simulation" ? "Résultat de la vérification" : "Résultat de l'import"}
      </h2>
      <Alert
        severity="error"
        as="h3"
        title={title}
        className={fr.cx("fr-mb-3w")}
        description={failure.error.message}
      />
      {report && (
        <>
          <view.Totals report={report} />
          <ReportRows report={report} RowsTable={view.RowsTable} />
        </>
      )}
    </section>
  );
}

/** What an import wrote; nothing for a report that only checked. */
export function AppliedSection<Report extends AnyImportReport>({
  report,
  view,
}: {
  report: Report;
  view: ImportView<Report>;
}) {
  const applied = view.applied(report);
  if (!applied) return null;
  return (
    <section aria-labelledby={RESULT_HEADING_ID} className={fr.cx("fr-mt-5w")}>
      <h2 id={RESULT_HEADING_ID} tabIndex={-1}>
        Résultat de l'import
      </h2>
      <Alert
        severity="success"
        as="h3"
        title="Import terminé"
        className={fr.cx("fr-mb-3w")}
        description={
          <>
            {applied.description} sur {formatCount(report.totals.lines)}{" "}
            {report.totals.lines > 1 ? "lignes" : "ligne"}.
          </>
        }
      />
      <Button priority="secondary" linkProps={{ to: view.after.to }}>
        {view.after.label}
      </Button>
    </section>
  );
}
