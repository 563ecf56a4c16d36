import { ratio, type ProgrammeOverview } from "@defis/domain";
import { KpiList, type Kpi } from "../../components/KpiList";
import { formatCents, formatPercent } from "../../lib/format";

function kpisOf(overview: ProgrammeOverview): Kpi[] {
  const envelope = overview.programme.envelopeCents;
  const demo = overview.demonstration ? " (démonstration)" : "";
  return [
    { label: "Enveloppe", value: formatCents(envelope), detail: overview.programme.fundedBy },
    {
      label: `Alloué${demo}`,
      value: formatCents(overview.allocatedCents),
      detail: `${formatPercent(ratio(overview.allocatedCents, envelope))} de l'enveloppe`,
    },
    {
      label: `Réserve non allouée${demo}`,
      value: formatCents(overview.reserveCents),
      detail: `${formatPercent(ratio(overview.reserveCents, envelope))} de l'enveloppe`,
    },
    {
      label: `Engagé${demo}`,
      value: formatCents(overview.committedCents),
      detail: `Autorisations d'engagement consommées, selon le mode de financement : ${formatPercent(ratio(overview.committedCents, overview.allocatedCents))} du montant alloué`,
      help: { term: "engage", question: "Quand une allocation est-elle engagée ?" },
    },
    {
      label: `Versé${demo}`,
      value: formatCents(overview.paidCents),
      detail: "Crédits de paiement consommés, contre-passations déduites",
    },
    {
      label: `Non engagé${demo}`,
      value: formatCents(overview.uncommittedCents),
      detail: "Alloué sans engagement constaté, selon le mode de financement",
    },
    {
      label: `Restes à payer${demo}`,
      value: formatCents(overview.remainingToPayCents),
      detail: "Engagé moins ce qui a été versé sur les allocations engagées",
      help: { term: "restes-a-payer", question: "Comment les restes à payer sont-ils calculés ?" },
    },
    {
      label: `Bloqué par un jalon${demo}`,
      value: formatCents(overview.blockedByMilestoneCents),
      detail: "Tranches à payer qui attendent un jalon non atteint",
    },
    {
      label: `% versé${demo}`,
      value: formatPercent(ratio(overview.paidCents, overview.allocatedCents)),
      detail: "Du montant alloué",
      help: { term: "taux-de-versement", question: "Comment le pourcentage versé est-il calculé ?" },
    },
  ];
}

/** The envelope at a glance; every tile says the day its figure was read. */
export function FinanceKpis({ overview, asOf }: { overview: ProgrammeOverview; asOf: string }) {
  return <KpiList kpis={kpisOf(overview)} label="Chiffres clés de l'enveloppe" note={asOf} />;
}
