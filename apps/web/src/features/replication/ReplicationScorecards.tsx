import { fr } from "@codegouvfr/react-dsfr";
import {
  REPLICATION_CRITERIA,
  REPLICATION_CRITERION_KEYS,
  REPLICATION_INDEX_FORMULA,
  type LaureateReplication,
} from "@defis/domain";
import { DataTable } from "../../components/DataTable";
import { DemoBadge } from "../../components/DemoBadge";
import { formatCount, formatDateTime } from "../../lib/format";
import { indexLabel } from "./replication-labels";

/** The scorecard in force, criterion by criterion, and the earlier ones. */
export function ReplicationScorecards({ replication }: { replication: LaureateReplication }) {
  const [current, ...history] = replication.scorecards;
  if (!current) return <p>Ce lauréat n'a pas encore de grille d'essaimage. {REPLICATION_INDEX_FORMULA}.</p>;
  return (
    <>
      <p className={fr.cx("fr-text--lg", "fr-mb-1w")}>
        <strong>Indice de potentiel : {indexLabel(current.index)}</strong>
        {current.isDemo && <DemoBadge />}
      </p>
      <p className={fr.cx("fr-text--sm")}>
        {REPLICATION_INDEX_FORMULA}. Grille remplie le {formatDateTime(current.scoredAt)}
        {current.scoredBy ? ` par ${current.scoredBy}` : ""}, avec {current.sponsorName}.
      </p>
      <DataTable
        caption="Grille d'essaimage en vigueur"
        columns={[
          { header: "Critère" },
          { header: "Note sur 4", numeric: true },
          { header: "Justification" },
        ]}
        rows={REPLICATION_CRITERION_KEYS.map((criterion) => ({
          key: criterion,
          cells: [
            REPLICATION_CRITERIA[criterion],
            formatCount(current.criteria[criterion].score),
            current.criteria[criterion].justification,
          ],
        }))}
      />
      {history.length > 0 && (
        <DataTable
          caption="Grilles précédentes"
          columns={[
            { header: "Date" },
            { header: "Par" },
            { header: "Avec le sponsor" },
            { header: "Indice", numeric: true },
          ]}
          rows={history.map((card) => ({
            key: card.id,
            cells: [
              formatDateTime(card.scoredAt),
              card.scoredBy ?? "Démonstration",
              card.sponsorName,
              indexLabel(card.index),
            ],
          }))}
        />
      )}
    </>
  );
}
