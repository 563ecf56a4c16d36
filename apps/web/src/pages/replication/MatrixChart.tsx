import { CATEGORIES, potentialLevel, type CategoryKey, type ReplicationOverview } from "@defis/domain";
import { ChartFrame } from "../../components/ChartFrame";
import { chartColor } from "../../components/chart-palette";
import { formatCount, pluralize } from "../../lib/format";
import { indexLabel, progressLabel } from "../../features/replication/replication-labels";

const CATEGORY_KEYS = Object.keys(CATEGORIES) as CategoryKey[];
const SHORT_CATEGORY: Record<CategoryKey, string> = {
  organisations: "Organisations",
  numerique: "Numérique",
  "parcours-usagers": "Parcours usagers",
};

function finding(overview: ReplicationOverview): string {
  const scored = overview.matrix.length;
  if (scored === 0) return "Aucun lauréat n'est encore noté";
  const waiting = overview.matrix.filter(
    (point) => potentialLevel(point.index) === "eleve" && point.progress < 4,
  ).length;
  return `${pluralize(scored, "lauréat noté", "lauréats notés")} ; ${formatCount(waiting)} à potentiel élevé sans adoption déployée`;
}

const WIDTH = 520;
const HEIGHT = 300;
const LEFT = 96;
const BOTTOM = 56;
const TOP = 12;
const RIGHT = 16;
const x = (index: number) => LEFT + (index / 100) * (WIDTH - LEFT - RIGHT);
const y = (progress: number) => TOP + ((4 - progress) / 4) * (HEIGHT - TOP - BOTTOM);

/** Potential index (horizontal) against the furthest stage an adoption reached (vertical), by category. */
export function MatrixChart({ overview }: { overview: ReplicationOverview }) {
  const categoryIndex = (category: CategoryKey) => CATEGORY_KEYS.indexOf(category);
  return (
    <ChartFrame
      headingId="essaimage-matrice"
      title={finding(overview)}
      dataDate={overview.dataDate}
      chart={
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 24}`} width="100%" className="defis-chart-svg">
          {[0, 1, 2, 3, 4].map((progress) => (
            <g key={progress}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(progress)}
                y2={y(progress)}
                className="defis-chart-grid"
              />
              <text x={LEFT - 8} y={y(progress) + 4} textAnchor="end" fill="currentColor">
                {progress === 0 ? "Aucune" : progressLabel(progress)}
              </text>
            </g>
          ))}
          {[0, 20, 40, 60, 80, 100].map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={HEIGHT - BOTTOM} className="defis-chart-grid" />
              <text x={x(tick)} y={HEIGHT - BOTTOM + 18} textAnchor="middle" fill="currentColor">
                {tick}
              </text>
            </g>
          ))}
          <text x={(LEFT + WIDTH) / 2} y={HEIGHT - BOTTOM + 38} textAnchor="middle" fill="currentColor">
            Indice de potentiel
          </text>
          {overview.matrix.map((point) => (
            <circle
              key={point.slug}
              cx={x(point.index)}
              cy={y(point.progress)}
              r={5 + Math.min(point.adoptions, 5) * 1.5}
              fill={chartColor(categoryIndex(point.category))}
              fillOpacity={0.85}
            />
          ))}
          {CATEGORY_KEYS.map((category, index) => (
            <g key={category} transform={`translate(${LEFT + index * 140}, ${HEIGHT + 10})`}>
              <circle cx={6} cy={0} r={6} fill={chartColor(index)} />
              <text x={16} y={4} fill="currentColor">
                {SHORT_CATEGORY[category]}
              </text>
            </g>
          ))}
        </svg>
      }
      table={{
        caption: "Indice de potentiel et avancement des adoptions par lauréat noté",
        columns: [
          { header: "Lauréat" },
          { header: "Indice", numeric: true },
          { header: "Étape la plus avancée" },
          { header: "Adoptions", numeric: true },
        ],
        rows: overview.matrix.map((point) => ({
          key: point.slug,
          cells: [
            point.title,
            indexLabel(point.index),
            progressLabel(point.progress),
            formatCount(point.adoptions),
          ],
        })),
      }}
    >
      <p className="fr-text--sm">
        Chaque point est un lauréat noté : à droite le potentiel le plus fort, en haut l'adoption la plus
        avancée (hors abandons) ; la taille du point suit le nombre d'adoptions, sa couleur la catégorie.
      </p>
    </ChartFrame>
  );
}
