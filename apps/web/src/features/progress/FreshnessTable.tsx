import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { FRESHNESS_PARTS, type FreshnessItem } from "@defis/domain";
import { DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../lib/format";

/** When each part of the follow-up was last updated, by whom, and whether it is due. */
export function FreshnessTable({
  parts,
  staleAfterDays,
}: {
  parts: FreshnessItem[];
  staleAfterDays: number;
}) {
  return (
    <DataTable
      caption={`Dernières mises à jour (à relancer après ${String(staleAfterDays)} jours)`}
      columns={[{ header: "Partie" }, { header: "Mise à jour le" }, { header: "Par" }, { header: "État" }]}
      rows={parts.map((part) => ({
        key: part.part,
        cells: [
          FRESHNESS_PARTS[part.part],
          part.updatedAt ? formatDateTime(part.updatedAt) : "Jamais",
          part.updatedBy?.displayName ?? "—",
          <Badge key="etat" as="span" small severity={part.stale ? "warning" : "success"}>
            {part.stale ? "À relancer" : "À jour"}
          </Badge>,
        ],
      }))}
    />
  );
}
