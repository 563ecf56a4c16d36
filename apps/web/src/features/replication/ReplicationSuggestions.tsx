import { fr } from "@codegouvfr/react-dsfr";
import { SUGGESTION_RULE, type LaureateReplication } from "@defis/domain";
import { Link } from "react-router";
import { EmptyState } from "../../components/QueryStates";
import { formatCount } from "../../lib/format";
import { ROUTES } from "../../routes";
import { regionName } from "./replication-labels";

/** Laureates close to this one, and the régions where they act that have no adoption yet. */
export function ReplicationSuggestions({ suggestions }: { suggestions: LaureateReplication["suggestions"] }) {
  return (
    <section aria-labelledby="essaimage-pistes">
      <h2 id="essaimage-pistes">Pistes d'essaimage</h2>
      <p className={fr.cx("fr-text--sm")}>Règle : {SUGGESTION_RULE}</p>
      {suggestions.laureates.length === 0 ? (
        <EmptyState title="Aucune piste">
          Aucun autre lauréat ne partage la catégorie ou assez de thèmes avec celui-ci.
        </EmptyState>
      ) : (
        <>
          <h3 className={fr.cx("fr-h6")}>Lauréats aux thèmes proches</h3>
          <ul>
            {suggestions.laureates.map((suggestion) => (
              <li key={suggestion.slug}>
                <Link to={ROUTES.laureateReplication(suggestion.slug)}>{suggestion.title}</Link> —{" "}
                {formatCount(suggestion.score)} points
                {suggestion.sameCategory ? " : même catégorie" : ""}
                {suggestion.sharedThemes.length > 0
                  ? `${suggestion.sameCategory ? "," : " :"} thèmes communs (${suggestion.sharedThemes.join(", ")})`
                  : ""}
              </li>
            ))}
          </ul>
          <h3 className={fr.cx("fr-h6")}>Territoires à démarcher</h3>
          {suggestions.territories.length === 0 ? (
            <p>Les régions des lauréats proches ont déjà une adoption ou sont celle du lauréat.</p>
          ) : (
            <ul>
              {suggestions.territories.map((territory) => (
                <li key={territory.regionCode}>
                  {regionName(territory.regionCode)}, où agit
                  {territory.throughLaureates.length > 1 ? "ssent" : ""}{" "}
                  {territory.throughLaureates.join(", ")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
