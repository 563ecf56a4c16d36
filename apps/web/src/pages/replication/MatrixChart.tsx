import { CATEGORIES, potentialLevel, type CategoryKey, type ReplicationOverview } from "@defis/domain";
import { CartesianGrid, Legend, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { chartColor } from "../../components/chart-palette";
import { formatCount, pluralize } from "../../lib/format";
import { indexLabel, progressLabel } from "./replication-labels";

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

/** Potential index (horizontal) against the furthest stage an adoption reached (vertical), by category. */
export function MatrixChart({ overview }: { overview: ReplicationOverview }) {
  return (
    <ChartFrame
      headingId="essaimage-matrice"
      title={finding(overview)}
      dataDate={overview.dataDate}
      chart={
        <ScatterChart
          width={520}
          height={300}
          margin={{ left: 24, right: 16, top: 8 }}
          accessibilityLayer={false}
          style={{ maxWidth: "100%", height: "auto" }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="index"
            name="Indice"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tick={{ fill: "currentColor" }}
            label={{
              value: "Indice de potentiel",
              position: "insideBottom",
              offset: -4,
              fill: "currentColor",
            }}
            height={44}
          />
          <YAxis
            type="number"
            dataKey="progress"
            name="Étape"
            domain={[0, 4]}
            ticks={[0, 1, 2, 3, 4]}
            tickFormatter={(value: number) => (value === 0 ? "Aucune" : progressLabel(value))}
            tick={{ fill: "currentColor" }}
            width={80}
          />
          <ZAxis type="number" dataKey="adoptions" range={[60, 360]} />
          <Legend wrapperStyle={{ color: "currentColor" }} />
          {CATEGORY_KEYS.map((category, index) => (
            <Scatter
              key={category}
              name={SHORT_CATEGORY[category]}
              data={overview.matrix.filter((point) => point.category === category)}
              fill={chartColor(index)}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
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
        avancée (hors abandons) ; la taille du point suit le nombre d'adoptions.
      </p>
    </ChartFrame>
  );
}
