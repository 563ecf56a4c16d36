import { indicatorUnitWording, type IndicatorItem, type MeasureItem } from "@defis/domain";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS, CHART_NEUTRAL } from "../../components/chart-palette";
import { formatDecimal, formatIndicatorValue, formatPercent, formatShortDate } from "../../lib/format";
import { frameData } from "../dashboard/chart-data";
import { AXIS_PROPS, CHART_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "../dashboard/chart-theme";

/** One point of the chart: a measure (the baseline first) and/or a step of the target's trajectory. */
interface ChartPoint {
  day: string;
  time: number;
  measured?: number;
  trajectory?: number;
}

interface Landmark {
  day: string;
  label: string;
  value: number;
  series: "measured" | "trajectory";
}

/** The baseline, the yearly targets (at the end of their year), the target, and the measures, by date. */
export function indicatorLandmarks(indicator: IndicatorItem, measures: readonly MeasureItem[]): Landmark[] {
  const landmarks: Landmark[] = [
    {
      day: indicator.baselineOn,
      label: "Valeur initiale",
      value: indicator.baselineValue,
      series: "measured",
    },
    ...measures.map((measure) => ({
      day: measure.measuredOn,
      label: "Mesure",
      value: measure.value,
      series: "measured" as const,
    })),
    ...indicator.yearlyTargets.map((target) => {
      const endOfYear = `${String(target.year)}-12-31`;
      return {
        day: endOfYear < indicator.targetOn ? endOfYear : indicator.targetOn,
        label: `Cible ${String(target.year)}`,
        value: target.value,
        series: "trajectory" as const,
      };
    }),
    { day: indicator.targetOn, label: "Cible", value: indicator.targetValue, series: "trajectory" },
  ];
  return landmarks.sort((left, right) => left.day.localeCompare(right.day));
}

function chartPoints(indicator: IndicatorItem, landmarks: readonly Landmark[]): ChartPoint[] {
  const points = new Map<string, ChartPoint>();
  const at = (day: string) => {
    const point = points.get(day) ?? { day, time: Date.parse(`${day}T12:00:00Z`) };
    points.set(day, point);
    return point;
  };
  // The trajectory starts where the measures do, at the baseline.
  at(indicator.baselineOn).trajectory = indicator.baselineValue;
  for (const landmark of landmarks) at(landmark.day)[landmark.series] = landmark.value;
  return [...points.values()].sort((left, right) => left.time - right.time);
}

function finding(indicator: IndicatorItem): string {
  if (indicator.latest === null) return `« ${indicator.name} » : aucune mesure depuis la valeur initiale`;
  const value = formatIndicatorValue(indicator.latest.value, indicator);
  const rate =
    indicator.progressRate === null
      ? ""
      : `, ${formatPercent(indicator.progressRate)} du chemin vers la cible`;
  return `« ${indicator.name} » : ${value} au ${formatShortDate(indicator.latest.measuredOn)}${rate}`;
}

/** An indicator over time: its measures from the baseline, and the path to its target through the yearly targets. */
export function IndicatorChart({
  indicator,
  measures,
  asOf,
}: {
  indicator: IndicatorItem;
  measures: readonly MeasureItem[];
  asOf: string;
}) {
  const landmarks = indicatorLandmarks(indicator, measures);
  const unit = indicatorUnitWording(indicator);
  const { table, download } = frameData({
    caption: `Valeur initiale, mesures et cibles de « ${indicator.name} »`,
    fileName: `indicateur-${String(indicator.id)}-${asOf}`,
    columns: [
      { header: "Date", kind: "text" },
      { header: "Repère", kind: "text" },
      { header: unit === "" ? "Valeur" : `Valeur (${unit})`, kind: "decimal" },
    ],
    rows: landmarks.map((landmark, index) => ({
      key: `${landmark.day}-${String(index)}`,
      cells: [formatShortDate(landmark.day), landmark.label, landmark.value],
    })),
  });
  const points = chartPoints(indicator, landmarks);
  return (
    <ChartFrame
      headingId={`indicateur-${String(indicator.id)}-graphique`}
      title={finding(indicator)}
      dataDate={asOf}
      interactive
      wide
      table={table}
      download={download}
      chart={
        <LineChart {...CHART_PROPS} data={points}>
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(time: number) => formatShortDate(new Date(time))}
            {...AXIS_PROPS}
          />
          <YAxis tickFormatter={formatDecimal} width={72} {...AXIS_PROPS} />
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(time) => (typeof time === "number" ? formatShortDate(new Date(time)) : "")}
            formatter={(value) => formatIndicatorValue(Number(value), indicator)}
          />
          <Legend {...LEGEND_PROPS} />
          <ReferenceLine
            y={indicator.targetValue}
            stroke="currentColor"
            strokeDasharray="4 4"
            label={{ value: "Cible", fill: "currentColor", position: "insideTopRight" }}
          />
          <Line
            type="linear"
            dataKey="trajectory"
            name="Trajectoire vers la cible"
            stroke={CHART_NEUTRAL}
            strokeWidth={2}
            strokeDasharray="6 3"
            connectNulls
          />
          <Line
            type="linear"
            dataKey="measured"
            name="Valeur initiale et mesures"
            stroke={CHART_COLORS[0]}
            strokeWidth={3}
            connectNulls
          />
        </LineChart>
      }
    >
      <p className="fr-text--sm">
        En trait plein la valeur initiale puis les mesures, en tirets la trajectoire de la valeur initiale à
        la cible par les cibles annuelles ; la ligne horizontale marque la cible.
      </p>
    </ChartFrame>
  );
}
