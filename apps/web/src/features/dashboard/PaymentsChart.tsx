import { ratio, type DashboardFigures } from "@defis/domain";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
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

/** What the schedules planned and what was paid, month after month, as running totals. */
export function PaymentsChart({ figures }: { figures: DashboardFigures }) {
  const asOfMonth = figures.asOf.slice(0, 7);
  const { table, download } = frameData({
    caption: "Versements prévus et réalisés par mois",
    fileName: `versements-${figures.asOf}`,
    columns: [
      { header: "Mois", kind: "text" },
      { header: "Prévu", kind: "cents" },
      { header: "Versé", kind: "cents" },
      { header: "Prévu cumulé", kind: "cents" },
      { header: "Versé cumulé", kind: "cents" },
    ],
    rows: figures.payments.map((month) => ({
      key: month.month,
      cells: [
        formatMonth(month.month),
        month.plannedCents,
        month.paidCents,
        month.cumulativePlannedCents,
        month.cumulativePaidCents,
      ],
    })),
  });
  return (
    <ChartFrame
      headingId="pilotage-versements"
      title={`${formatPercent(ratio(figures.paidCents, figures.envelopeCents))} de l'enveloppe versée au ${formatShortDate(figures.asOf)}`}
      dataDate={figures.asOf}
      interactive
      table={table}
      download={download}
      chart={
        <LineChart {...CHART_PROPS} data={figures.payments}>
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
        </LineChart>
      }
    >
      <p className="fr-text--sm">
        Courbes cumulées : en pointillés ce que les échéanciers prévoyaient, en trait plein ce qui a été versé
        (contre-passations déduites). La ligne verticale marque le mois de l'état.
      </p>
    </ChartFrame>
  );
}
