import type { DashboardFigures, WeatherCountKey } from "@defis/domain";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_NEUTRAL, chartColor } from "../../components/chart-palette";
import { formatCount, formatMonth, formatShortDate, pluralize } from "../../lib/format";
import { WEATHER_COUNT_LABELS } from "../../features/laureates/laureate-labels";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { frameData } from "./chart-data";
import { CountBars, StackedMonthBars } from "./CountBars";

const WEATHER_KEYS = Object.keys(WEATHER_COUNT_LABELS) as WeatherCountKey[];

/** Sun to storm in the palette's order; no météo in the neutral grey. */
function weatherColor(key: WeatherCountKey): string {
  return key === "sans_meteo" ? CHART_NEUTRAL : chartColor(WEATHER_KEYS.indexOf(key));
}

const troubled = (counts: Record<WeatherCountKey, number>) => counts.couvert + counts.orage;

/** The latest météo of each laureate on the day, and each level leading to its laureates. */
export function WeatherChart({ figures }: { figures: DashboardFigures }) {
  const { table, download } = frameData({
    caption: "Lauréats par météo déclarée",
    fileName: `meteo-${figures.asOf}`,
    columns: [
      { header: "Météo", kind: "text" },
      { header: "Lauréats", kind: "count" },
    ],
    rows: WEATHER_KEYS.map((key) => ({
      key,
      href: portfolioPath({ weather: key }),
      cells: [WEATHER_COUNT_LABELS[key], figures.weather[key]],
    })),
  });
  return (
    <ChartFrame
      headingId="pilotage-meteo"
      title={`${pluralize(troubled(figures.weather), "lauréat")} sur ${formatCount(figures.laureates)} sous ciel couvert ou orage au ${formatShortDate(figures.asOf)}`}
      dataDate={figures.asOf}
      interactive
      table={table}
      download={download}
      chart={
        <CountBars
          bars={WEATHER_KEYS.map((key) => ({
            key,
            label: WEATHER_COUNT_LABELS[key],
            count: figures.weather[key],
            color: weatherColor(key),
            href: portfolioPath({ weather: key }),
          }))}
        />
      }
    >
      <p className="fr-text--sm">
        La dernière météo déclarée par chaque lauréat pour la période de l'état ou avant. Choisir une barre
        ouvre le portefeuille filtré sur cette météo.
      </p>
    </ChartFrame>
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
  const { table, download } = frameData({
    caption: "Météo des lauréats par période",
    fileName: `meteo-tendance-${figures.asOf}`,
    columns: [
      { header: "Période", kind: "text" },
      ...WEATHER_KEYS.map((key) => ({ header: WEATHER_COUNT_LABELS[key], kind: "count" as const })),
    ],
    rows: figures.weatherTrend.map((period) => ({
      key: period.period,
      cells: [formatMonth(period.period), ...WEATHER_KEYS.map((key) => period.counts[key])],
    })),
  });
  return (
    <ChartFrame
      headingId="pilotage-meteo-tendance"
      title={trendFinding(figures)}
      dataDate={figures.asOf}
      interactive
      table={table}
      download={download}
      chart={
        <StackedMonthBars
          months={figures.weatherTrend.map((period) => ({ month: period.period, counts: period.counts }))}
          series={WEATHER_KEYS.map((key) => ({
            key,
            label: WEATHER_COUNT_LABELS[key],
            color: weatherColor(key),
          }))}
        />
      }
    />
  );
}
