import type { MonthlyPayments } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatCents, formatMonth } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { DataTable } from "../../components/DataTable";
import { useAsOf } from "../../lib/use-as-of";

/** Each month with the running totals since the first one. */
export function withCumulative(months: readonly MonthlyPayments[]) {
  let planned = 0;
  let paid = 0;
  return months.map((month) => {
    planned += month.plannedCents;
    paid += month.paidCents;
    return { ...month, cumulativePlannedCents: planned, cumulativePaidCents: paid };
  });
}

/** Planned tranches (cancelled ones excepted) and actual payments, month by month, and cumulated. */
export function MonthlyTable({ asOf }: { asOf: (updatedAt: number) => string }) {
  const trpc = useTRPC();
  const { query } = useAsOf();
  const monthly = useQuery(trpc.finance.monthly.queryOptions(query));
  if (monthly.isPending) return <LoadingState label="Chargement des versements mensuels" />;
  if (monthly.isError) return <ErrorState error={monthly.error} onRetry={() => void monthly.refetch()} />;
  if (monthly.data.length === 0)
    return (
      <EmptyState title="Aucun versement prévu ni réalisé">
        Les mois apparaîtront dès qu'un échéancier sera planifié ou qu'un versement sera enregistré.
      </EmptyState>
    );
  return (
    <DataTable
      caption={`Versements prévus et réalisés par mois, ${asOf(monthly.dataUpdatedAt)}`}
      columns={[
        { header: "Mois" },
        { header: "Prévu", numeric: true },
        { header: "Versé", numeric: true },
        { header: "Prévu cumulé", numeric: true },
        { header: "Versé cumulé", numeric: true },
      ]}
      rows={withCumulative(monthly.data).map((month) => ({
        key: month.month,
        cells: [
          <time key="month" dateTime={month.month}>
            {formatMonth(month.month)}
          </time>,
          formatCents(month.plannedCents),
          formatCents(month.paidCents),
          formatCents(month.cumulativePlannedCents),
          formatCents(month.cumulativePaidCents),
        ],
      }))}
    />
  );
}
