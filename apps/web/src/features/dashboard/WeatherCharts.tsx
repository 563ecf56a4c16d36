import type { DashboardFigures, WeatherCountKey } from "@defis/domain";
import { CHART_NEUTRAL, chartColor } from "../../components/chart-palette";
import { formatCount, formatMonth, formatShortDate, pluralize } from "../../lib/format";
import { WEATHER_COUNT_LABELS } from "../../features/laureates/laureate-labels";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { CategoryCountChart, CategoryTimelineChart, type Category } from "./CategoryCharts";

const WEATHER_KEYS = Object.keys(WEATHER_COUNT_LABELS) as WeatherCountKey[];

/** Sun to storm in the palette's order, no météo in the neutral grey; each level leads to its laureates. */
const LEVELS: Category<WeatherCountKey>[] = WEATHER_KEYS.map((key, index) => ({
  key,
  label: WEATHER_COUNT_LABELS[key],
  color: key === "sans_meteo" ? CHART_NEUTRAL : chartColor(index),
  href: portfolioPath({ weather: key }),
}));

const troubled = (counts: Record<WeatherCountKey, number>) => counts.couvert + counts.orage;

/** The latest météo of each laureate on the day, and each level leading to its laureates. */
export function WeatherChart({ figures }: { figures: DashboardFigures }) {
  return (
    <CategoryCountChart
      headingId="pilotage-meteo"
      title={`${pluralize(troubled(figures.weather), "lauréat")} sur ${formatCount(figures.laureates)} sous ciel couvert ou orage au ${formatShortDate(figures.asOf)}`}
      asOf={figures.asOf}
      caption="Lauréats par météo déclarée"
      fileName={`meteo-${figures.asOf}`}
      categories={LEVELS}
      headers={["Météo", "Lauréats"]}
      counts={figures.weather}
    >
      <p className="fr-text--sm">
        La dernière météo déclarée par chaque lauréat pour la période de l'état ou avant. Choisir une barre
        ouvre le portefeuille filtré sur cette météo.
      </p>
    </CategoryCountChart>
  );
}

function trendFinding(figures: DashboardFigures): string {
  const first = figures.weatherTrend[0];
  const last = figures.weatherTrend.at(-1);
  if (!first || !last) return "Aucune météo déclarée sur les douze dernières périodes";
  if (first === last)
    return `${pluralize(troubled(last.counts), "lauréat")} sous ciel couvert ou orage en ${formatMonth(last.period)}`;
  return `Sous ciel couvert ou orage : ${pluralize(troubled(first.counts), "lauréat")} en ${formatMonth(first.period)}, ${formatCount(troubled(last.counts))} en ${formatMonth(last.period)}`;
}

/** The météo distribution period after period. */
export function WeatherTrendChart({ figures }: { figures: DashboardFigures }) {
  return (
    <CategoryTimelineChart
      headingId="pilotage-meteo-tendance"
      title={trendFinding(figures)}
      asOf={figures.asOf}
      caption="Météo des lauréats par période"
      fileName={`meteo-tendance-${figures.asOf}`}
      categories={LEVELS}
      monthHeader="Période"
      months={figures.weatherTrend.map((period) => ({ month: period.period, counts: period.counts }))}
    />
  );
}
