import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { INDICATOR_FRESHNESS, type IndicatorItem } from "@defis/domain";
import { formatDate } from "../../lib/format";

/** « À jour » or « À mettre à jour », with the date the next measure is due. */
export function FreshnessBadge({ indicator }: { indicator: Pick<IndicatorItem, "freshness" | "nextDueOn"> }) {
  const late = indicator.freshness === "a_mettre_a_jour";
  return (
    <>
      <Badge as="span" small severity={late ? "warning" : "success"}>
        {INDICATOR_FRESHNESS[indicator.freshness]}
      </Badge>{" "}
      <span className="fr-text--sm">
        {late ? "Mesure attendue depuis le" : "Prochaine mesure attendue le"}{" "}
        {formatDate(indicator.nextDueOn)}
      </span>
    </>
  );
}
