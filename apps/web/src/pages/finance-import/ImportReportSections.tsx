import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ImportMode, ImportReport } from "@defis/domain";
import { formatCents, formatCount, pluralize } from "../../lib/format";
import { ROUTES } from "../../routes";
import type { ImportRequestError } from "./import-api";
import { ImportRowsTable } from "./ImportRowsTable";
import { ImportTotals } from "./ImportTotals";

export const RESULT_HEADING_ID = "import-resultat";

export interface Failure {
  mode: ImportMode;
  error: ImportRequestError;
}

/** The rows the report details: all of them, or only those not imported. */
export function ReportRows({ report }: { report: ImportReport }) {
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
      <ImportRowsTable caption={caption} rows={report.rows} />
    </>
  );
}

/** Why nothing was checked or imported, with the report when the server sent one. */
export function FailureSection({ failure }: { failure: Failure }) {
  const title =
    failure.mode === "simulation" ? "Le fichier n'a pas pu être vérifié" : "Aucun versement n'a été importé";
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
      {failure.error.report && (
        <>
          <ImportTotals report={failure.error.report} />
          <ReportRows report={failure.error.report} />
        </>
      )}
    </section>
  );
}

/** What an import wrote; nothing for a report that only checked. */
export function AppliedSection({ report }: { report: ImportReport }) {
  const { applied } = report;
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
            {pluralize(applied.payments, "versement enregistré", "versements enregistrés")} pour{" "}
            {formatCents(applied.amountCents)} ;{" "}
            {pluralize(applied.tranchesPaid, "tranche payée", "tranches payées")} ;{" "}
            {applied.outsideSchedule > 0 &&
              `${pluralize(applied.outsideSchedule, "versement hors échéancier", "versements hors échéancier")} ; `}
            {pluralize(report.totals.duplicates, "doublon ignoré", "doublons ignorés")} sur{" "}
            {formatCount(report.totals.lines)} {report.totals.lines > 1 ? "lignes" : "ligne"}.
          </>
        }
      />
      <Button priority="secondary" linkProps={{ to: ROUTES.finances }}>
        Voir les finances
      </Button>
    </section>
  );
}
