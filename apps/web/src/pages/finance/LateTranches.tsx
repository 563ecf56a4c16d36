import { fr } from "@codegouvfr/react-dsfr";
import { TRANCHE_KINDS } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { lateLabel, statusLabel } from "../../features/finance/finance-labels";
import { formatCents, formatDate, formatShortDate, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";
import { useAsOf, withAsOf } from "../../lib/use-as-of";

/**
 * The tranches past their planned date and not paid, the oldest first, and
 * the money they hold; each links to its laureate's finances, where it is
 * moved on, replanned or cancelled.
 */
export function LateTranches() {
  const trpc = useTRPC();
  const { query: day, past } = useAsOf();
  const query = useQuery(trpc.finance.lateTranches.queryOptions(day));
  if (query.isPending) return <LoadingState label="Chargement des tranches en retard" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { asOf, tranches, totalCents } = query.data;
  if (tranches.length === 0) {
    return <p>Aucune tranche n'est en retard au {formatDate(asOf)}.</p>;
  }
  return (
    <>
      <p>
        <strong>{pluralize(tranches.length, "tranche en retard", "tranches en retard")}</strong> au{" "}
        {formatDate(asOf)} retiennent <strong>{formatCents(totalCents)}</strong> : passées leur date prévue,
        elles ne sont pas payées.
      </p>
      <DataTable
        caption={`Tranches en retard au ${formatDate(asOf)}, de la plus ancienne à la plus récente ; total : ${formatCents(totalCents)}`}
        columns={[
          { header: "Lauréat" },
          { header: "Tranche" },
          { header: "Statut" },
          { header: "Date prévue" },
          { header: "Retard" },
          { header: "Montant prévu", numeric: true },
        ]}
        rows={tranches.map((tranche) => ({
          key: tranche.trancheId,
          cells: [
            <Link key="laureate" to={withAsOf(ROUTES.laureateFinances(tranche.laureateSlug), past)}>
              {tranche.laureateTitle} <span className={fr.cx("fr-sr-only")}>: ses finances</span>
            </Link>,
            `${tranche.position}. ${TRANCHE_KINDS[tranche.kind]}`,
            statusLabel(tranche.status),
            formatShortDate(tranche.plannedOn),
            lateLabel(tranche.daysLate),
            formatCents(tranche.plannedAmountCents),
          ],
        }))}
      />
    </>
  );
}
