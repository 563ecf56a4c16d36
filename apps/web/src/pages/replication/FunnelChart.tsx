import { ADOPTION_STAGES, type ReplicationOverview } from "@defis/domain";
import { ChartFrame } from "../../components/ChartFrame";
import { chartColor } from "../../components/chart-palette";
import { formatCount, pluralize } from "../../lib/format";

function finding(overview: ReplicationOverview): string {
  const identified = overview.funnel[0]?.reached ?? 0;
  const deployed = overview.funnel.at(-1)?.reached ?? 0;
  if (identified === 0) return "Aucune adoption n'est encore enregistrée";
  return `Sur ${pluralize(identified, "adoption identifiée", "adoptions identifiées")}, ${formatCount(deployed)} ${deployed > 1 ? "sont déployées" : "est déployée"}`;
}

const WIDTH = 520;
const ROW = 44;
const LABEL_WIDTH = 100;
const BAR_MAX = WIDTH - LABEL_WIDTH - 50;

/** The stage funnel: how many adoptions reached each stage, and how many stand there now. */
export function FunnelChart({ overview }: { overview: ReplicationOverview }) {
  const largest = Math.max(1, ...overview.funnel.map((stage) => stage.reached));
  const height = overview.funnel.length * ROW + 8;
  return (
    <ChartFrame
      headingId="essaimage-entonnoir"
      title={finding(overview)}
      dataDate={overview.dataDate}
      chart={
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" className="defis-chart-svg">
          {overview.funnel.map((stage, index) => {
            const y = index * ROW + 8;
            const width = Math.max(2, (stage.reached / largest) * BAR_MAX);
            return (
              <g key={stage.stage}>
                <text x={LABEL_WIDTH - 8} y={y + 19} textAnchor="end" fill="currentColor">
                  {ADOPTION_STAGES[stage.stage]}
                </text>
                <rect x={LABEL_WIDTH} y={y} width={width} height={28} rx={2} fill={chartColor(index)} />
                <text x={LABEL_WIDTH + width + 6} y={y + 19} fill="currentColor">
                  {formatCount(stage.reached)}
                </text>
              </g>
            );
          })}
        </svg>
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
