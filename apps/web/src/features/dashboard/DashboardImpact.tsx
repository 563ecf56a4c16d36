import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useAsOf } from "../../lib/use-as-of";
import { useTRPC } from "../../lib/trpc";

/** Below the fold: its code arrives with its data, off the page's own weight (bundle budgets). */
const ImpactCharts = lazy(() =>
  import("./ImpactCharts").then((module) => ({ default: module.ImpactCharts })),
);

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
  return (
    <Suspense fallback={<LoadingState label="Chargement des indicateurs d'impact" />}>
      <ImpactCharts impact={impact.data} />
    </Suspense>
  );
}
