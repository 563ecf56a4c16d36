import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useAsOf } from "../../lib/use-as-of";
import { useTRPC } from "../../lib/trpc";
import { ImpactCharts } from "./ImpactCharts";

/** The Impact section of /pilotage, on the page's day (« état au »). */
export function DashboardImpact() {
  const trpc = useTRPC();
  const { query } = useAsOf();
  const impact = useQuery({
    ...trpc.impact.portfolio.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  if (impact.isPending) return <LoadingState label="Chargement des indicateurs d'impact" />;
  if (impact.isError) return <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />;
  return <ImpactCharts impact={impact.data} />;
}
