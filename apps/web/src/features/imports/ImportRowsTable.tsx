import { fr } from "@codegouvfr/react-dsfr";
import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { formatCents, formatShortDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import type { ImportOutcome, ImportRowReport } from "@defis/domain";

const OUTCOME_BADGES: Record<ImportOutcome, { severity: BadgeProps["severity"]; label: string }> = {
  "à importer": { severity: "success", label: "À importer" },
  doublon: { severity: "info", label: "Doublon" },
  erreur: { severity: "error", label: "Erreur" },
};

export function OutcomeBadge({ outcome }: { outcome: ImportOutcome }) {
  const badge = OUTCOME_BADGES[outcome];
  return (
    <Badge as="span" small severity={badge.severity}>
      {badge.label}
    </Badge>
  );
}

const COLUMNS: TableColumn[] = [
  { header: "Ligne", numeric: true },
  { header: "Numéro EJ" },
  { header: "Lauréat" },
  { header: "Date" },
  { header: "Montant", numeric: true },
  { header: "Référence" },
  { header: "Résultat" },
  // Which tranche a row pays and what changes, or why it is an error or a duplicate.
  { header: "Tranche et changements" },
];

function missing(): ReactNode {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className={fr.cx("fr-sr-only")}>non lu</span>
    </>
  );
}

function cellsOf(row: ImportRowReport): ReactNode[] {
  return [
    row.line,
    row.ejNumber ?? missing(),
    row.laureate ? <Link to={ROUTES.laureate(row.laureate.slug)}>{row.laureate.title}</Link> : missing(),
    row.date ? formatShortDate(row.date) : missing(),
    row.amountCents === null ? missing() : formatCents(row.amountCents),
    row.reference ?? missing(),
    <OutcomeBadge key="outcome" outcome={row.outcome} />,
    row.message ?? "",
  ];
}

/** The rows of the extract and what becomes of each, the line as row header. */
export function ImportRowsTable({ caption, rows }: { caption: ReactNode; rows: ImportRowReport[] }) {
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rows={rows.map((row) => ({ key: row.line, cells: cellsOf(row) }))}
    />
  );
}
