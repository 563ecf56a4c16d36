import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { DECISION_STANDINGS, type DecisionStanding } from "@defis/domain";

/** The badge's colour repeats its word, never replaces it. */
const STANDING_SEVERITY = {
  en_cours: "info",
  en_retard: "error",
  faite: "success",
  abandonnee: "new",
} as const satisfies Record<DecisionStanding, string>;

export function DecisionStandingBadge({ standing }: { standing: DecisionStanding }) {
  return (
    <Badge small severity={STANDING_SEVERITY[standing]} as="span">
      {DECISION_STANDINGS[standing]}
    </Badge>
  );
}
