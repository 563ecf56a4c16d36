import { mayActOnLaureate, type LaureateDetail } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { DecisionList } from "./DecisionList";

/**
 * The decisions the reviews took for a laureate, with where each stands
 * today; for the officers, the direction, and the sponsor of its scope.
 */
export function LaureateDecisions({ laureate }: { laureate: LaureateDetail }) {
  const trpc = useTRPC();
  const allowed = mayActOnLaureate(useSession().user, "readLaureateDecisions", laureate);
  const decisions = useQuery({
    ...trpc.reviews.laureateDecisions.queryOptions({ laureateSlug: laureate.slug }),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (
    <section aria-labelledby="laureat-decisions">
      <h2 id="laureat-decisions">Décisions des revues</h2>
      {decisions.isPending && <LoadingState label="Chargement des décisions" />}
      {decisions.isError && <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />}
      {decisions.data && (
        <DecisionList
          caption={`Décisions des revues pour ${laureate.title}, statut à ce jour`}
          decisions={decisions.data}
          emptyText="Aucune revue n'a pris de décision pour ce lauréat."
          showReview
        />
      )}
    </section>
  );
}
