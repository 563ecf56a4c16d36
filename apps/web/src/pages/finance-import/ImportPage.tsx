import { fr } from "@codegouvfr/react-dsfr";
import type { ImportReport } from "@defis/domain";
import { formatCents, pluralize } from "../../lib/format";
import { ROUTES } from "../../routes";
import { ImportFlow, type ImportView } from "../../features/imports/ImportFlow";
import { ImportRowsTable } from "../../features/imports/ImportRowsTable";
import { ImportTotals } from "./ImportTotals";

const PAYMENT_IMPORT: ImportView<ImportReport> = {
  kind: "paiements",
  title: "Importer un relevé de paiements",
  lead: (
    <p className={fr.cx("fr-text--lead")}>
      Les paiements exportés de Chorus ou d'un tableur sont d'abord vérifiés ligne à ligne, sans rien
      enregistrer ; l'import se fait ensuite en une seule fois, ou pas du tout si une ligne est en erreur.
    </p>
  ),
  uploadLabel: "Relevé de paiements",
  uploadHint:
    "Fichier CSV (séparateur « ; » ou « , », encodé en UTF-8) ou classeur XLSX, 20 Mo au plus. " +
    "Première ligne : numéro EJ, date (AAAA-MM-JJ ou JJ/MM/AAAA), montant (« 1 234,56 » ou " +
    "« 1234.56 »), référence ; les autres colonnes sont ignorées.",
  noun: { one: "versement", many: "versements" },
  duplicate: { one: "doublon", many: "doublons" },
  nothingWritten: "Aucun versement n'a été importé",
  Totals: ImportTotals,
  RowsTable: ImportRowsTable,
  confirmation: ({ totals }) => (
    <>
      {pluralize(totals.toImport, "versement")} pour un total de {formatCents(totals.toImportCents)} vont être
      enregistrés
      {totals.tranchesToPay > 0 &&
        `, et ${pluralize(totals.tranchesToPay, "tranche passera", "tranches passeront")} à « Payé »`}
      . Les doublons sont ignorés. Un versement enregistré ne se supprime pas : il se corrige par une
      contre-passation.
    </>
  ),
  applied: ({ applied, totals }) =>
    applied && {
      written: applied.payments,
      description: (
        <>
          {pluralize(applied.payments, "versement enregistré", "versements enregistrés")} pour{" "}
          {formatCents(applied.amountCents)} ;{" "}
          {pluralize(applied.tranchesPaid, "tranche payée", "tranches payées")} ;{" "}
          {applied.outsideSchedule > 0 &&
            `${pluralize(applied.outsideSchedule, "versement hors échéancier", "versements hors échéancier")} ; `}
          {pluralize(totals.duplicates, "doublon ignoré", "doublons ignorés")}
        </>
      ),
    },
  after: { to: ROUTES.finances, label: "Voir les finances" },
};

/** Import of a finance extract (Chorus or a spreadsheet), checked first, then imported all or nothing. */
export default function ImportPage() {
  return <ImportFlow view={PAYMENT_IMPORT} />;
}
