import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { FRESHNESS_PARTS, type FreshnessItem, type LateIndicator } from "@defis/domain";
import { DataTable } from "../../components/DataTable";
import { formatDate, formatDateTime } from "../../lib/format";

/**
 * When each part of the follow-up was last updated, by whom, and whether it
 * is due; then the indicators whose measure is past due, which count alike.
 */
export function FreshnessTable({
  parts,
  lateIndicators,
  staleAfterDays,
}: {
  parts: FreshnessItem[];
  lateIndicators: LateIndicator[];
  staleAfterDays: number;
}) {
  return (
    <DataTable
      caption={`Dernières mises à jour (à relancer après ${String(staleAfterDays)} jours)`}
      columns={[{ header: "Partie" }, { header: "Mise à jour le" }, { header: "Par" }, { header: "État" }]}
      rows={[
        ...parts.map((part) => ({
          key: part.part,
          cells: [
            FRESHNESS_PARTS[part.part],
            part.updatedAt ? formatDateTime(part.updatedAt) : "Jamais",
            part.updatedBy?.displayName ?? "—",
            <Badge key="etat" as="span" small severity={part.stale ? "warning" : "success"}>
              {part.stale ? "À relancer" : "À jour"}
            </Badge>,
          ],
        })),
        ...lateIndicators.map((indicator) => ({
          key: `indicateur-${String(indicator.id)}`,
          cells: [
            `Indicateur « ${indicator.name} »`,
            `Mesure attendue le ${formatDate(indicator.dueOn)}`,
            "—",
            <Badge key="etat" as="span" small severity="warning">
              À relancer
            </Badge>,
          ],
        })),
      ]}
    />
  );
}
