import { ADOPTION_STAGES, type ReplicationOverview } from "@defis/domain";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { chartColor } from "../../components/chart-palette";
import { formatCount, pluralize } from "../../lib/format";

function finding(overview: ReplicationOverview): string {
  const identified = overview.funnel[0]?.reached ?? 0;
  const deployed = overview.funnel.at(-1)?.reached ?? 0;
  if (identified === 0) return "Aucune adoption n'est encore enregistrée";
  return `Sur ${pluralize(identified, "adoption identifiée", "adoptions identifiées")}, ${formatCount(deployed)} ${deployed > 1 ? "sont déployées" : "est déployée"}`;
}

/** The stage funnel: how many adoptions reached each stage, and how many stand there now. */
export function FunnelChart({ overview }: { overview: ReplicationOverview }) {
  const data = overview.funnel.map((stage) => ({
    label: ADOPTION_STAGES[stage.stage],
    reached: stage.reached,
  }));
  return (
    <ChartFrame
      headingId="essaimage-entonnoir"
      title={finding(overview)}
      dataDate={overview.dataDate}
      chart={
        <BarChart
          data={data}
          layout="vertical"
          width={520}
          height={240}
          margin={{ left: 16, right: 40 }}
          accessibilityLayer={false}
          style={{ maxWidth: "100%", height: "auto" }}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor" }} />
          <YAxis type="category" dataKey="label" width={90} tick={{ fill: "currentColor" }} />
          <Bar
            dataKey="reached"
            isAnimationActive={false}
            // One colour per stage, in the palette's order.
            shape={(props: BarShapeProps) => <Rectangle {...props} fill={chartColor(props.index)} />}
          >
            <LabelList dataKey="reached" position="right" fill="currentColor" />
          </Bar>
        </BarChart>
      }
      table={{
        caption: "Adoptions par étape",
        columns: [
          { header: "Étape" },
          { header: "Ont atteint l'étape", numeric: true },
          { header: "À cette étape aujourd'hui", numeric: true },
        ],
        rows: [
          ...overview.funnel.map((stage) => ({
            key: stage.stage,
            cells: [ADOPTION_STAGES[stage.stage], formatCount(stage.reached), formatCount(stage.current)],
          })),
          {
            key: "abandonnee",
            cells: [ADOPTION_STAGES.abandonnee, "—", formatCount(overview.abandoned)],
          },
        ],
      }}
    >
      <p className="fr-text--sm">
        Une adoption compte pour chaque étape qu'elle a franchie : une adoption déployée a aussi été
        identifiée, contactée et pilotée. Les adoptions abandonnées comptent pour les étapes franchies avant
        l'abandon.
      </p>
    </ChartFrame>
  );
}
