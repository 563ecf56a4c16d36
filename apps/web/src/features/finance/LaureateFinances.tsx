import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatDate } from "../../lib/format";
import { useAsOf } from "../../lib/use-as-of";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useCan } from "../../lib/session";
import { useHashFocus } from "../../lib/use-hash-focus";
import { useTRPC } from "../../lib/trpc";
import { AllocationSummary } from "./AllocationSummary";
import { asOfDay } from "./finance-labels";
import { FundingRecordSection } from "./FundingRecordSection";
import { MovementsTable } from "./MovementsTable";
import { PaymentsSection } from "./PaymentsSection";
import { ScheduleGapSection } from "./ScheduleGapSection";
import { TrancheSchedule } from "./TrancheSchedule";

/**
 * The "Finances" tab of a laureate's page. Every role reads the same
 * figures; officers and administrators also get the actions, except on a
 * past day (`?etat-au=`), read as it was known then.
 */
export default function LaureateFinances({ laureate }: { laureate: { slug: string; title: string } }) {
  const trpc = useTRPC();
  const { query: day, past } = useAsOf();
  const canManage = useCan("manageMoney") && past === undefined;
  const query = useQuery({
    ...trpc.finance.forLaureate.queryOptions({ slug: laureate.slug, ...day }),
    placeholderData: keepPreviousData,
  });
  // A link to one section (the controls' "Corriger") lands on it once the figures are drawn.
  useHashFocus();

  if (query.isPending) return <LoadingState label="Chargement des finances du lauréat" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const finance = query.data;
  const asOf = past === undefined ? asOfDay(query.dataUpdatedAt) : `au ${formatDate(past)}`;
  return (
    <>
      <AllocationSummary laureate={laureate} finance={finance} canManage={canManage} asOf={asOf} />
      <FundingRecordSection slug={laureate.slug} record={finance.funding} canManage={canManage} />
      {/* The gap is today's, to act on: a past day has none to show. */}
      {past === undefined && <ScheduleGapSection laureate={laureate} canManage={canManage} asOf={asOf} />}
      <TrancheSchedule slug={laureate.slug} finance={finance} canManage={canManage} asOf={asOf} />
      <PaymentsSection
        slug={laureate.slug}
        payments={finance.payments}
        totals={finance.paymentTotals}
        canManage={canManage}
        asOf={asOf}
      />
      <MovementsTable movements={finance.movements} asOf={asOf} />
    </>
  );
}
