import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { MeasureImportReport, MeasureImportRow } from "@defis/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { formatDecimal, formatShortDate, pluralize } from "../../lib/format";
import { ROUTES } from "../../routes";
import { ImportFlow, type ImportView } from "../../features/imports/ImportFlow";
import { OutcomeBadge } from "../../features/imports/ImportRowsTable";

/** The template: the columns the import reads, and one example row to replace. */
export const MEASURE_TEMPLATE_PATH = "/modeles/defis-modele-mesures.csv";

function MeasureTotals({ report }: { report: MeasureImportReport }) {
  const { totals } = report;
  return (
    <ul className={fr.cx("fr-mb-3w")} aria-label="Totaux du fichier">
      <li>{pluralize(totals.lines, "ligne lue", "lignes lues")}</li>
      <li>
        <strong>{pluralize(totals.toImport, "mesure à importer", "mesures à importer")}</strong>
      </li>
      <li>{pluralize(totals.duplicates, "mesure déjà enregistrée", "mesures déjà enregistrées")}</li>
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

const COLUMNS: TableColumn[] = [
  { header: "Ligne", numeric: true },
  { header: "Lauréat" },
  { header: "Indicateur" },
  { header: "Date" },
  { header: "Valeur", numeric: true },
  { header: "Source" },
  { header: "Résultat" },
  { header: "Détail" },
];

function missing(): ReactNode {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className={fr.cx("fr-sr-only")}>non lu</span>
    </>
  );
}

function cellsOf(row: MeasureImportRow): ReactNode[] {
  return [
    row.line,
    row.laureateTitle && row.laureateSlug ? (
      <Link to={ROUTES.laureate(row.laureateSlug)}>{row.laureateTitle}</Link>
    ) : (
      (row.laureateSlug ?? missing())
    ),
    row.indicator ? `${row.indicator.name} (n° ${row.indicator.id})` : (row.indicatorRead ?? missing()),
    row.date ? formatShortDate(row.date) : missing(),
    row.value === null ? missing() : formatDecimal(row.value),
    row.source ?? "",
    row.outcome === "doublon" ? (
      <Badge key="outcome" as="span" small severity="info">
        Déjà enregistrée
      </Badge>
    ) : (
      <OutcomeBadge key="outcome" outcome={row.outcome} />
    ),
    row.message ?? "",
  ];
}

function MeasureRowsTable({ caption, rows }: { caption: ReactNode; rows: MeasureImportRow[] }) {
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rows={rows.map((row) => ({ key: row.line, cells: cellsOf(row) }))}
    />
  );
}

const MEASURE_IMPORT: ImportView<MeasureImportReport> = {
  kind: "mesures",
  title: "Importer des mesures",
  lead: (
    <>
      <p className={fr.cx("fr-text--lead")}>
        Les mesures des indicateurs d'impact suivis, tenues dans un tableur, sont d'abord vérifiées ligne à
        ligne, sans rien enregistrer ; l'import se fait ensuite en une seule fois, ou pas du tout si une ligne
        est en erreur. Importer deux fois le même fichier ne change rien : ses mesures sont déjà enregistrées.
      </p>
      <p>
        <a
          className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}
          href={MEASURE_TEMPLATE_PATH}
          download
        >
          Télécharger le modèle (CSV pour Excel)
        </a>
      </p>
    </>
  ),
  uploadLabel: "Fichier de mesures",
  uploadHint:
    "Fichier CSV (séparateur « ; » ou « , », encodé en UTF-8) ou classeur XLSX, 20 Mo au plus. " +
    "Première ligne : lauréat (son identifiant), indicateur (son numéro ou son nom exact), date " +
    "(AAAA-MM-JJ ou JJ/MM/AAAA), valeur (« 12,5 » ou « 12.5 »), et si besoin source et commentaire. " +
    "Une valeur différente de celle déjà enregistrée le même jour se corrige depuis l'onglet Impact du lauréat.",
  noun: { one: "mesure", many: "mesures" },
  duplicate: { one: "mesure déjà enregistrée", many: "mesures déjà enregistrées" },
  nothingWritten: "Aucune mesure n'a été importée",
  Totals: MeasureTotals,
  RowsTable: MeasureRowsTable,
  confirmation: ({ totals }) =>
    `${pluralize(totals.toImport, "mesure va être enregistrée", "mesures vont être enregistrées")}. ` +
    "Les mesures déjà enregistrées sont ignorées. Une mesure enregistrée se corrige depuis l'onglet Impact " +
    "du lauréat, qui garde sa valeur précédente.",
  applied: ({ applied, totals }) =>
    applied && {
      written: applied.measures,
      description:
        `${pluralize(applied.measures, "mesure enregistrée", "mesures enregistrées")} ; ` +
        pluralize(totals.duplicates, "mesure déjà enregistrée ignorée", "mesures déjà enregistrées ignorées"),
    },
  after: { to: ROUTES.dashboard, label: "Voir le pilotage" },
};

/** Import of measures of the followed impact indicators (officers), checked first, then all or nothing. */
export default function MeasureImportPage() {
  return <ImportFlow view={MEASURE_IMPORT} />;
}
