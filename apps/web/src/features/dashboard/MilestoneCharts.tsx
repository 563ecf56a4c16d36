import {
  MILESTONE_OUTCOME_KEYS,
  MILESTONE_OUTCOMES,
  type DashboardFigures,
  type MilestoneOutcome,
} from "@defis/domain";
import { CHART_NEUTRAL, CHART_COLORS } from "../../components/chart-palette";
import { formatCount, formatMonth, formatShortDate, pluralize } from "../../lib/format";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { CategoryCountChart, CategoryTimelineChart, type Category } from "./CategoryCharts";

const OUTCOME_COLORS: Record<MilestoneOutcome, string> = {
  atteint_a_temps: CHART_COLORS[0],
  atteint_en_retard: CHART_COLORS[1],
  en_retard: CHART_COLORS[5],
  a_venir: CHART_COLORS[3],
  abandonne: CHART_NEUTRAL,
};

/** Only late milestones have a portfolio filter: the laureates that hold at least one. */
const OUTCOMES: Category<MilestoneOutcome>[] = MILESTONE_OUTCOME_KEYS.map((key) => ({
  key,
  label: MILESTONE_OUTCOMES[key],
  color: OUTCOME_COLORS[key],
  href: key === "en_retard" ? portfolioPath({ milestones: "en_retard" }) : undefined,
}));

/** Where every milestone stood on the day. */
export function MilestonesChart({ figures }: { figures: DashboardFigures }) {
  const { milestones } = figures;
  const total = MILESTONE_OUTCOME_KEYS.reduce((sum, key) => sum + milestones[key], 0);
  return (
    <CategoryCountChart
      headingId="pilotage-jalons"
      title={`${pluralize(milestones.en_retard, "jalon")} en retard sur ${formatCount(total)} au ${formatShortDate(figures.asOf)}`}
      asOf={figures.asOf}
      caption="Jalons par situation"
      fileName={`jalons-${figures.asOf}`}
      categories={OUTCOMES}
      headers={["Situation", "Jalons"]}
      counts={milestones}
    >
      <p className="fr-text--sm">
        Un jalon est en retard une fois son échéance passée sans avoir été atteint. La barre « En retard »
        ouvre le portefeuille des lauréats qui en ont au moins un.
      </p>
    </CategoryCountChart>
  );
}

function timelineFinding(figures: DashboardFigures): string {
  const [busiest] = [...figures.milestoneTimeline]
    .map((month) => ({
      month: month.month,
      total: MILESTONE_OUTCOME_KEYS.reduce((sum, key) => sum + month.counts[key], 0),
    }))
    .sort((left, right) => right.total - left.total);
  if (!busiest || busiest.total === 0) return "Aucun jalon à échéance";
  return `Le mois le plus chargé : ${formatMonth(busiest.month)}, ${pluralize(busiest.total, "jalon")} à échéance`;
}

/** Milestones by the month they fall due, stacked by where they stood on the day. */
export function MilestoneTimelineChart({ figures }: { figures: DashboardFigures }) {
  return (
    <CategoryTimelineChart
      headingId="pilotage-jalons-calendrier"
      title={timelineFinding(figures)}
      asOf={figures.asOf}
      caption="Jalons par mois d'échéance et situation"
      fileName={`jalons-echeances-${figures.asOf}`}
      categories={OUTCOMES}
      monthHeader="Mois d'échéance"
      months={figures.milestoneTimeline}
    />
  );
}
