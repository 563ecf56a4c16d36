import { ratio, type ProgrammeOverview } from "@defis/domain";
import { KpiList, type Kpi } from "../../components/KpiList";
import { formatCentsRounded, formatCount, formatDate, formatPercent } from "../../lib/format";

function kpisOf(overview: ProgrammeOverview): Kpi[] {
  const { programme } = overview;
  const demo = overview.demonstration ? " (démonstration)" : "";
  return [
    {
      label: "Enveloppe",
      value: formatCentsRounded(programme.envelopeCents),
      detail: programme.fundedBy,
    },
    {
      label: "Lauréats",
      value: formatCount(overview.laureates),
      detail: `Annoncés le ${formatDate(programme.laureatesAnnouncedOn)}`,
    },
    {
      label: `Alloué${demo}`,
      value: formatCentsRounded(overview.allocatedCents),
      detail: `${formatPercent(ratio(overview.allocatedCents, programme.envelopeCents))} de l'enveloppe`,
    },
    {
      label: `Réserve non allouée${demo}`,
      value: formatCentsRounded(overview.reserveCents),
      detail: `${formatPercent(ratio(overview.reserveCents, programme.envelopeCents))} de l'enveloppe`,
    },
  ];
}

export function KpiTiles({ overview }: { overview: ProgrammeOverview }) {
  return <KpiList kpis={kpisOf(overview)} />;
}
