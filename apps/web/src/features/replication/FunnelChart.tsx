import { ADOPTION_STAGES, type AdoptionStage, type FunnelStage } from "@defis/domain";
import { Link } from "react-router";
import { ChartFrame } from "../../components/ChartFrame";
import { chartColor } from "../../components/chart-palette";
import { formatCount, pluralize } from "../../lib/format";

function finding(funnel: FunnelStage[]): string {
  const identified = funnel[0]?.reached ?? 0;
  const deployed = funnel.at(-1)?.reached ?? 0;
  if (identified === 0) return "Aucune adoption n'est encore enregistrée";
  return `Sur ${pluralize(identified, "adoption identifiée", "adoptions identifiées")}, ${formatCount(deployed)} ${deployed > 1 ? "sont déployées" : "est déployée"}`;
}

const WIDTH = 520;
const ROW = 44;
const LABEL_WIDTH = 100;
const BAR_MAX = WIDTH - LABEL_WIDTH - 50;

interface FunnelChartProps {
  headingId: string;
  funnel: FunnelStage[];
  abandoned: number;
  dataDate: Date | string | null;
  /** The header of the "standing there" column: "aujourd'hui", or the day of a dashboard's state. */
  currentHeader: string;
  /** When given, each stage leads to the adoptions at it, and the figures can be downloaded. */
  drillDown?: { hrefOf: (stage: AdoptionStage) => string; fileName: string };
}

/** The stage funnel: how many adoptions reached each stage, and how many stand there now. */
export function FunnelChart({
  headingId,
  funnel,
  abandoned,
  dataDate,
  currentHeader,
  drillDown,
}: FunnelChartProps) {
  const largest = Math.max(1, ...funnel.map((stage) => stage.reached));
  const height = funnel.length * ROW + 8;
  const named = (stage: AdoptionStage) =>
    drillDown ? <Link to={drillDown.hrefOf(stage)}>{ADOPTION_STAGES[stage]}</Link> : ADOPTION_STAGES[stage];
  const header = ["Étape", "Ont atteint l'étape", currentHeader];
  return (
    <ChartFrame
      headingId={headingId}
      title={finding(funnel)}
      dataDate={dataDate}
      interactive={drillDown !== undefined}
      download={
        drillDown && {
          fileName: drillDown.fileName,
          csv: {
            header,
            rows: [
              ...funnel.map((stage) => [ADOPTION_STAGES[stage.stage], stage.reached, stage.current]),
              [ADOPTION_STAGES.abandonnee, "", abandoned],
            ],
          },
        }
      }
      chart={
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" className="defis-chart-svg">
          {funnel.map((stage, index) => {
            const y = index * ROW + 8;
            const width = Math.max(2, (stage.reached / largest) * BAR_MAX);
            const bar = (
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
            return drillDown ? (
              // Named by its own text ("Pilote 18"): a label that differs from what is seen fails RGAA.
              <Link key={stage.stage} to={drillDown.hrefOf(stage.stage)}>
                {bar}
              </Link>
            ) : (
              bar
            );
          })}
        </svg>
      }
      table={{
        caption: "Adoptions par étape",
        columns: [
          { header: header[0] },
          { header: header[1], numeric: true },
          { header: header[2], numeric: true },
        ],
        rows: [
          ...funnel.map((stage) => ({
            key: stage.stage,
            cells: [named(stage.stage), formatCount(stage.reached), formatCount(stage.current)],
          })),
          {
            key: "abandonnee",
            cells: [named("abandonnee"), "—", formatCount(abandoned)],
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
