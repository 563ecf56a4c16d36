import { fr } from "@codegouvfr/react-dsfr";
import { WEATHER_STATE_KEYS, type DashboardFigures, type WeatherCountKey } from "@defis/domain";
import { CHART_NEUTRAL } from "../../components/chart-palette";
import { WEATHER_SEVERITY } from "../../features/progress/progress-badges";
import { formatCount, formatMonth, formatShortDate, pluralize } from "../../lib/format";
import { WEATHER_COUNT_LABELS } from "../../features/laureates/laureate-labels";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { useAsOf, withAsOf } from "../../lib/use-as-of";
import { CategoryCountChart, CategoryTimelineChart, type Category } from "./CategoryCharts";

/**
 * Colours that say severity, in both themes: the DSFR's success, info,
 * warning and error (the météo badges' own), a stale météo hatched over
 * grey, no météo in the neutral grey. Never the colour alone: each bar is
 * named on its axis, the legend names each series, the table says it all.
 */
const FLAT = fr.colors.decisions.background.flat;
const STATE_COLORS: Record<WeatherCountKey, { color: string; pattern?: "hatch" }> = {
  soleil: { color: FLAT[WEATHER_SEVERITY.soleil].default },
  nuage: { color: FLAT[WEATHER_SEVERITY.nuage].default },
  couvert: { color: FLAT[WEATHER_SEVERITY.couvert].default },
  orage: { color: FLAT[WEATHER_SEVERITY.orage].default },
  perimee: { color: FLAT.grey.default, pattern: "hatch" },
  sans_meteo: { color: CHART_NEUTRAL },
};

/** Best to worst, then stale, then none (`WEATHER_STATES`); each leads to its laureates, on the same day. */
function levelsOn(past: string | undefined): Category<WeatherCountKey>[] {
  return WEATHER_STATE_KEYS.map((key) => ({
    key,
    label: WEATHER_COUNT_LABELS[key],
    ...STATE_COLORS[key],
    href: withAsOf(portfolioPath({ weather: key }), past),
  }));
}

const troubled = (counts: Record<WeatherCountKey, number>) => counts.couvert + counts.orage;

/** The latest météo of each laureate on the day, and each level leading to its laureates. */
export function WeatherChart({ figures }: { figures: DashboardFigures }) {
  const { past } = useAsOf();
  return (
    <CategoryCountChart
      headingId="pilotage-meteo"
      title={`${pluralize(troubled(figures.weather), "lauréat")} sur ${formatCount(figures.laureates)} sous ciel couvert ou orage au ${formatShortDate(figures.asOf)}`}
      asOf={figures.asOf}
      caption="Lauréats par météo déclarée"
      fileName={`meteo-${figures.asOf}`}
      categories={levelsOn(past)}
      headers={["Météo", "Lauréats"]}
      counts={figures.weather}
    >
      <p className="fr-text--sm">
        La dernière météo déclarée par chaque lauréat pour la période de l'état ou avant, telle qu'elle était
        connue ce jour-là ; « Météo périmée » quand sa période s'est achevée depuis plus longtemps que la
        fréquence de mise à jour du suivi. Choisir une barre ouvre le portefeuille filtré sur cette météo.
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
  const { past } = useAsOf();
  return (
    <CategoryTimelineChart
      headingId="pilotage-meteo-tendance"
      title={trendFinding(figures)}
      asOf={figures.asOf}
      caption="Météo des lauréats par période"
      fileName={`meteo-tendance-${figures.asOf}`}
      categories={levelsOn(past)}
      monthHeader="Période"
      months={figures.weatherTrend.map((period) => ({ month: period.period, counts: period.counts }))}
    />
  );
}
