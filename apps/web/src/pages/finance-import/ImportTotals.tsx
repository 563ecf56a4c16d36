import { fr } from "@codegouvfr/react-dsfr";
import { formatCents, pluralize } from "../../lib/format";
import type { ImportReport } from "@defis/domain";

/** The figures of the whole file, whatever number of rows the table details. */
export function ImportTotals({ report }: { report: ImportReport }) {
  const { totals } = report;
  return (
    <ul className={fr.cx("fr-mb-3w")} aria-label="Totaux du fichier">
      <li>{pluralize(totals.lines, "ligne lue", "lignes lues")}</li>
      <li>
        <strong>{pluralize(totals.toImport, "versement à importer", "versements à importer")}</strong> pour{" "}
        {formatCents(totals.toImportCents)}
        {totals.tranchesToPay > 0 &&
          `, dont ${pluralize(totals.tranchesToPay, "paie une tranche", "paient une tranche")}`}
        {totals.outsideSchedule > 0 &&
          ` ; ${pluralize(totals.outsideSchedule, "versement ne trouve", "versements ne trouvent")} aucune tranche ouverte et ${totals.outsideSchedule > 1 ? "seront enregistrés" : "sera enregistré"} hors échéancier`}
      </li>
      <li>{pluralize(totals.duplicates, "doublon ignoré", "doublons ignorés")}</li>
      <li>
        {totals.errors > 0 ? (
          <strong>{pluralize(totals.errors, "ligne en erreur", "lignes en erreur")}</strong>
        ) : (
          "Aucune ligne en erreur"
        )}
      </li>
    </ul>
  );
}
