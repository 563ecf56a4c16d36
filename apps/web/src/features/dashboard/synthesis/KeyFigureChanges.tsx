import { fr } from "@codegouvfr/react-dsfr";
import { keyFigureChanges, type DashboardFigures, type PreviousReviewFigures } from "@defis/domain";
import { formatCents, formatShortDate, formatSignedCents } from "../../../lib/format";

/** The arrow and the words say the direction together: the colour alone never does. */
function ChangeText({ changeCents }: { changeCents: number }) {
  if (changeCents === 0) {
    return (
      <>
        <span className={fr.cx("fr-icon-subtract-line", "fr-icon--sm")} aria-hidden="true" /> inchangé
      </>
    );
  }
  const up = changeCents > 0;
  return (
    <>
      <span
        className={fr.cx(up ? "fr-icon-arrow-up-line" : "fr-icon-arrow-down-line", "fr-icon--sm")}
        aria-hidden="true"
      />
      <span className={fr.cx("fr-sr-only")}>{up ? "en hausse de " : "en baisse de "}</span>
      {formatSignedCents(changeCents)}
    </>
  );
}

/** The key figures on the day, each with its change since the previous review's frozen figure. */
export function KeyFigureChanges({
  figures,
  previousReview,
}: {
  figures: DashboardFigures;
  previousReview: PreviousReviewFigures | null;
}) {
  const changes = keyFigureChanges(figures, previousReview?.figures ?? null);
  return (
    <section aria-labelledby="synthese-chiffres" className="defis-synthesis-block">
      <h3 id="synthese-chiffres" className={fr.cx("fr-h6", "fr-mb-1v")}>
        Chiffres clés{figures.demonstration ? " (démonstration)" : ""}
      </h3>
      <p className={fr.cx("fr-text--xs", "fr-mb-1v")}>
        {previousReview
          ? `Évolution depuis la revue du ${formatShortDate(previousReview.asOf)} (${previousReview.title})`
          : "Aucune revue antérieure : pas d'évolution à comparer."}
      </p>
      <dl className="defis-key-figures">
        {changes.map((change) => (
          <div key={change.key} className="defis-key-figure">
            <dt>{change.label}</dt>
            <dd className="defis-key-figure__value">{formatCents(change.cents)}</dd>
            {/* Always there, so that each row keeps its three cells in the list's grid. */}
            <dd className="defis-key-figure__change">
              {change.changeCents === null ? (
                previousReview && <span className={fr.cx("fr-sr-only")}>pas d'évolution connue</span>
              ) : (
                <ChangeText changeCents={change.changeCents} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
