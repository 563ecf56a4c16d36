import { fr } from "@codegouvfr/react-dsfr";
import type { ImpactChanges } from "@defis/domain";
import { formatDate, formatIndicatorValue, formatShortDate } from "../../lib/format";
import { ChangeTable } from "./ReviewChangesSection";

/**
 * Impact since the previous review, from the measures as known on each day:
 * the measures entered since, the targets reached since, and the indicators
 * « à mettre à jour » on the review's day.
 */
export function ReviewImpactSection({
  changes,
  frozen,
}: {
  changes: ImpactChanges | null;
  /** Whether the review froze impact's figures (not those opened before indicators were followed). */
  frozen: boolean;
}) {
  return (
    <section aria-labelledby="revue-impact">
      <h2 id="revue-impact">
        {changes === null
          ? "Impact"
          : `Impact : ce qui a changé depuis la revue du ${formatDate(changes.previousAsOf)}`}
      </h2>
      {!frozen && (
        <p>
          Cette revue a été ouverte avant le suivi des indicateurs d'impact : aucun chiffre d'impact n'a été
          figé avec elle.
        </p>
      )}
      {changes === null ? (
        frozen && <p>C'est la première revue : il n'y a pas de revue précédente à laquelle la comparer.</p>
      ) : (
        <>
          <ChangeTable
            id="impact-mesures"
            title="Nouvelles mesures"
            rows={changes.newMeasures}
            columns={[
              { header: "Indicateur" },
              { header: "Valeur", numeric: true },
              { header: "Mesurée le" },
            ]}
            cells={(row) => [
              row.indicator,
              formatIndicatorValue(row.value, row),
              formatShortDate(row.measuredOn),
            ]}
          />
          <ChangeTable
            id="impact-cibles"
            title="Cibles atteintes depuis"
            rows={changes.targetsReached}
            columns={[{ header: "Indicateur" }]}
            cells={(row) => [row.indicator]}
          />
          <ChangeTable
            id="impact-a-mettre-a-jour"
            title="Indicateurs à mettre à jour"
            rows={changes.toUpdate}
            columns={[{ header: "Indicateur" }, { header: "Mesure attendue depuis le" }]}
            cells={(row) => [row.indicator, formatShortDate(row.nextDueOn)]}
          />
        </>
      )}
      <p className={fr.cx("fr-text--sm")}>
        Les mesures sont lues telles qu'elles étaient connues à la fin de chaque jour de revue : une mesure
        saisie ou corrigée plus tard n'y change rien.
      </p>
    </section>
  );
}
