import {
  ADOPTION_STAGES,
  MILESTONE_OUTCOME_KEYS,
  ratio,
  type AdoptionStage,
  type DashboardFigures,
  type WeatherCountKey,
} from "@defis/domain";
import { KpiList, type Kpi } from "../../components/KpiList";
import { formatCents, formatCount, formatPercent, pluralize } from "../../lib/format";
import { WEATHER_COUNT_LABELS } from "../laureates/laureate-labels";

/**
 * A figure added after some reviews were frozen: a review's snapshot taken
 * before it has none, and shows no tile rather than a wrong 0.
 */
function moneyHeldTiles(
  figures: DashboardFigures,
  demo: string,
  name: "uncommittedCents" | "blockedByMilestoneCents",
  { label, detail }: { label: string; detail: string },
): Kpi[] {
  const cents = (figures as Partial<DashboardFigures>)[name];
  return cents === undefined ? [] : [{ label: `${label}${demo}`, value: formatCents(cents), detail }];
}

function tilesOf(figures: DashboardFigures): Kpi[] {
  const envelope = figures.envelopeCents;
  const demo = figures.demonstration ? " (démonstration)" : "";
  const ofEnvelope = (cents: number) => `${formatPercent(ratio(cents, envelope))} de l'enveloppe`;
  const weather = (Object.keys(WEATHER_COUNT_LABELS) as WeatherCountKey[])
    .map((key) => `${WEATHER_COUNT_LABELS[key]} : ${formatCount(figures.weather[key])}`)
    .join(" · ");
  const milestones = MILESTONE_OUTCOME_KEYS.reduce((sum, key) => sum + figures.milestones[key], 0);
  const stages = Object.keys(ADOPTION_STAGES) as AdoptionStage[];
  const adoptions = stages.reduce((sum, stage) => sum + figures.adoptions[stage], 0);
  return [
    { label: "Enveloppe", value: formatCents(envelope), detail: "France Relance" },
    {
      label: `Alloué${demo}`,
      value: formatCents(figures.allocatedCents),
      detail: ofEnvelope(figures.allocatedCents),
    },
    {
      label: `Engagé${demo}`,
      value: formatCents(figures.committedCents),
      detail: `${formatPercent(ratio(figures.committedCents, figures.allocatedCents))} du montant alloué, selon le mode de financement`,
    },
    ...moneyHeldTiles(figures, demo, "uncommittedCents", {
      label: "Non engagé",
      detail: "Alloué sans engagement constaté",
    }),
    { label: `Versé${demo}`, value: formatCents(figures.paidCents), detail: ofEnvelope(figures.paidCents) },
    {
      label: `Restes à payer${demo}`,
      value: formatCents(figures.remainingToPayCents),
      detail: "Engagé moins ce qui a été versé sur les allocations engagées",
    },
    ...moneyHeldTiles(figures, demo, "blockedByMilestoneCents", {
      label: "Bloqué par un jalon",
      detail: "Tranches à payer qui attendent un jalon non atteint",
    }),
    {
      label: `Part versée${demo}`,
      value: formatPercent(ratio(figures.paidCents, figures.allocatedCents)),
      detail: "Versé rapporté au montant alloué",
    },
    {
      label: `Réserve non allouée${demo}`,
      value: formatCents(figures.reserveCents),
      detail: ofEnvelope(figures.reserveCents),
    },
    { label: "Lauréats par météo", value: pluralize(figures.laureates, "lauréat"), detail: weather },
    {
      label: "Jalons en retard",
      value: formatCount(figures.milestones.en_retard),
      detail: `Sur ${pluralize(milestones, "jalon")}`,
    },
    {
      label: "Adoptions par étape",
      value: pluralize(adoptions, "adoption"),
      detail: stages
        .map((stage) => `${ADOPTION_STAGES[stage]} : ${formatCount(figures.adoptions[stage])}`)
        .join(" · "),
    },
  ];
}

/** The portfolio's key figures on a day: the dashboard's, and those a review froze. */
export function DashboardTiles({ figures }: { figures: DashboardFigures }) {
  return <KpiList kpis={tilesOf(figures)} />;
}
