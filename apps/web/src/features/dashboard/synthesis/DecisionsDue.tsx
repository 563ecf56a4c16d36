import { fr } from "@codegouvfr/react-dsfr";
import type { DecisionItem } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../../../components/QueryStates";
import { formatCount, formatDate, pluralize } from "../../../lib/format";
import { useTRPC } from "../../../lib/trpc";
import { ROUTES } from "../../../routes";
import { DecisionStandingBadge } from "../../reviews/DecisionStandingBadge";
import { ShortList } from "./ShortList";

/** The first screen says how many and how many late; the decisions themselves are one disclosure away. */
const SHOWN_ON_SCREEN = 0;

function DecisionDueItem({ decision }: { decision: DecisionItem }) {
  return (
    <>
      <span className={fr.cx("fr-text--sm")}>{decision.text}</span>{" "}
      <DecisionStandingBadge standing={decision.standing} />
      <br />
      <span className={fr.cx("fr-text--xs")}>
        {decision.owner}, pour le {formatDate(decision.dueOn)} ; prise à la{" "}
        <Link to={ROUTES.review(decision.reviewId)}>revue du {formatDate(decision.reviewAsOf)}</Link>
      </span>
    </>
  );
}

/**
 * The decisions of the reviews still in progress on the day, the nearest due
 * first, for the synthesis: the direction sees what it decided and what is
 * late before deciding again.
 */
export function DecisionsDue({ asOf, printable }: { asOf: string | undefined; printable: boolean }) {
  const trpc = useTRPC();
  const due = useQuery(trpc.reviews.decisionsDue.queryOptions(asOf ? { asOf } : {}));
  if (due.isError) return <ErrorState error={due.error} onRetry={() => void due.refetch()} />;
  if (!due.data) return null;
  const late = due.data.filter((decision) => decision.standing === "en_retard").length;
  return (
    <section aria-labelledby="synthese-decisions-dues" className="defis-synthesis-block">
      <h3 id="synthese-decisions-dues" className={fr.cx("fr-h6", "fr-mb-1v")}>
        {due.data.length === 0
          ? "Aucune décision des revues en cours"
          : `${pluralize(due.data.length, "décision des revues en cours", "décisions des revues en cours")}${
              late > 0 ? `, dont ${formatCount(late)} en retard` : ""
            }`}
      </h3>
      <ShortList
        items={due.data}
        shownOnScreen={SHOWN_ON_SCREEN}
        printable={printable}
        keyOf={(decision) => decision.id}
        render={(decision) => <DecisionDueItem decision={decision} />}
        moreLabel={(rest) => (rest === 1 ? "Voir la décision" : `Voir les ${formatCount(rest)} décisions`)}
      />
    </section>
  );
}
