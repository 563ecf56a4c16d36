import { ratio, type DashboardFigures } from "@defis/domain";
import { CartesianGrid, Legend, LineChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS, CHART_NEUTRAL } from "../../components/chart-palette";
import {
  formatCentsRounded,
  formatMonth,
  formatPercent,
  formatShortDate,
  formatShortMonth,
} from "../../lib/format";
import { frameData } from "./chart-data";
import { AXIS_PROPS, CHART_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "./chart-theme";
import { ForecastFormula } from "./ForecastFormula";
import { moneyChartMonths } from "./payments-forecast-data";

/**
 * What the schedules planned and what was paid, month after month, as running
 * totals; from the day's month on, the forecast of consumption (central line
 * and band) and the consumption deadline.
 */
export function PaymentsChart({ figures }: { figures: DashboardFigures }) {
  const asOfMonth = figures.asOf.slice(0, 7);
  const months = moneyChartMonths(figures);
  const deadline = figures.forecast?.consumptionDeadlineOn ?? null;
  const { table, download } = frameData({
    caption: "Versements prévus, réalisés et atterrissage par mois",
    fileName: `versements-${figures.asOf}`,
    columns: [
      { header: "Mois", kind: "text" },
      { header: "Prévu", kind: "cents" },
      { header: "Versé", kind: "cents" },
      { header: "Prévu cumulé", kind: "cents" },
      { header: "Versé cumulé", kind: "cents" },
      { header: "Atterrissage central cumulé", kind: "cents" },
      { header: "Fourchette basse", kind: "cents" },
      { header: "Fourchette haute", kind: "cents" },
    ],
    rows: months.map((month) => ({
      key: month.month,
      cells: [
        formatMonth(month.month),
        month.plannedCents,
        month.paidCents,
        month.cumulativePlannedCents,
        month.cumulativePaidCents,
        month.forecastCentralCents,
        month.forecastLowCents,
        month.forecastHighCents,
      ],
    })),
  });
  return (
    <ChartFrame
      headingId="pilotage-versements"
      title={`${formatPercent(ratio(figures.paidCents, figures.envelopeCents))} de l'enveloppe versée au ${formatShortDate(figures.asOf)}`}
      dataDate={figures.asOf}
      interactive
      wide
      table={table}
      download={download}
      chart={
        <LineChart {...CHART_PROPS} data={months}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="month" tickFormatter={formatShortMonth} {...AXIS_PROPS} />
          <YAxis tickFormatter={formatCentsRounded} width={96} {...AXIS_PROPS} />
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(month) => (typeof month === "string" ? formatMonth(month) : "")}
            formatter={(value) => formatCentsRounded(Number(value))}
          />
          <Legend {...LEGEND_PROPS} />
          <ReferenceLine
            x={asOfMonth}
            stroke="currentColor"
            strokeDasharray="4 4"
            label={{
              value: `État au ${formatShortDate(figures.asOf)}`,
              fill: "currentColor",
              position: "top",
            }}
          />
          {deadline && (
            <ReferenceLine
              x={deadline.slice(0, 7)}
              stroke="currentColor"
              strokeWidth={2}
              label={{
                value: `Date limite ${formatShortDate(deadline)}`,
                fill: "currentColor",
                position: "insideTopLeft",
              }}
            />
          )}
          <Line
            type="monotone"
            dataKey="cumulativePlannedCents"
            name="Prévu cumulé"
            stroke={CHART_NEUTRAL}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
          />
          <Line
            type="monotone"
            dataKey="cumulativePaidCents"
            name="Versé cumulé"
            stroke={CHART_COLORS[0]}
            strokeWidth={3}
            dot={false}
          />
          {/* The band as two thin lines: recharts' Area weighed 3 KiB gzip more on a page at its budget. */}
          <Line
            type="stepAfter"
            dataKey="forecastHighCents"
            name="Atterrissage : haut de la fourchette"
            stroke={CHART_COLORS[1]}
            strokeWidth={1}
            dot={false}
          />
          <Line
            type="stepAfter"
            dataKey="forecastLowCents"
            name="Atterrissage : bas de la fourchette"
            stroke={CHART_COLORS[3]}
            strokeWidth={1}
            dot={false}
          />
          <Line
            type="stepAfter"
            dataKey="forecastCentralCents"
            name="Atterrissage central"
            stroke={CHART_COLORS[2]}
            strokeWidth={2}
            strokeDasharray="2 2"
            dot={false}
          />
        </LineChart>
      }
    >
      <p className="fr-text--sm">
        Courbes cumulées : en tirets ce que les échéanciers prévoyaient, en trait plein ce qui a été versé
        (contre-passations déduites), en pointillés l'atterrissage central et, en traits fins, le haut et le
        bas de sa fourchette. La ligne verticale en tirets marque le mois de l'état, la ligne pleine la date
        limite de consommation.
      </p>
      {figures.forecast && <ForecastFormula forecast={figures.forecast} />}
    </ChartFrame>
  );
}
