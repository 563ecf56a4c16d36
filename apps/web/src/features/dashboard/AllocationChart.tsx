import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { ratio, type DashboardFigures, type DashboardGroup } from "@defis/domain";
import { useState } from "react";
import { useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS } from "../../components/chart-palette";
import { formatCentsRounded, formatPercent } from "../../lib/format";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { frameData } from "./chart-data";
import { AXIS_PROPS, CHART_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "./chart-theme";

const GROUPINGS = {
  category: {
    label: "Par catégorie",
    of: "catégorie",
    column: "Catégorie",
    slug: "categorie",
    figures: "byCategory",
  },
  ministry: {
    label: "Par ministère",
    of: "ministère",
    column: "Ministère",
    slug: "ministere",
    figures: "byMinistry",
  },
  territory: {
    label: "Par territoire",
    of: "territoire",
    column: "Territoire",
    slug: "territoire",
    figures: "byTerritory",
  },
} as const satisfies Record<
  "category" | "ministry" | "territory",
  { label: string; of: string; column: string; slug: string; figures: keyof DashboardFigures }
>;
type Grouping = keyof typeof GROUPINGS;

function finding(groups: DashboardGroup[], grouping: Grouping): string {
  const total = groups.reduce((sum, group) => sum + group.allocatedCents, 0);
  const [top] = [...groups].sort((left, right) => right.allocatedCents - left.allocatedCents);
  if (!top || total === 0) return "Aucun montant alloué à cette date";
  return `${top.label}, ${GROUPINGS[grouping].of} la mieux dotée : ${formatPercent(ratio(top.allocatedCents, total))} de l'alloué, dont ${formatPercent(ratio(top.paidCents, top.allocatedCents))} versé`;
}

/** Allocated and paid by category, ministry or territory; each group leads to its laureates. */
export function AllocationChart({ figures }: { figures: DashboardFigures }) {
  const navigate = useNavigate();
  const [grouping, setGrouping] = useState<Grouping>("category");
  const groups = figures[GROUPINGS[grouping].figures];
  const pathOf = (key: string) => portfolioPath({ [grouping]: key });
  const segment = (key: Grouping) => ({
    label: GROUPINGS[key].label,
    nativeInputProps: { checked: grouping === key, onChange: () => setGrouping(key) },
  });
  const { table, download } = frameData({
    caption: `Alloué et versé ${GROUPINGS[grouping].label.toLowerCase()}`,
    fileName: `alloue-verse-${GROUPINGS[grouping].slug}-${figures.asOf}`,
    columns: [
      { header: GROUPINGS[grouping].column, kind: "text" },
      { header: "Lauréats", kind: "count" },
      { header: "Alloué", kind: "cents" },
      { header: "Versé", kind: "cents" },
    ],
    rows: groups.map((group) => ({
      key: group.key,
      href: pathOf(group.key),
      cells: [group.label, group.laureates, group.allocatedCents, group.paidCents],
    })),
  });
  return (
    <ChartFrame
      headingId="pilotage-repartition"
      title={finding(groups, grouping)}
      dataDate={figures.asOf}
      interactive
      table={table}
      download={download}
      chart={
        <BarChart
          {...CHART_PROPS}
          data={groups}
          layout="vertical"
          style={{ ...CHART_PROPS.style, height: 80 + groups.length * 44 }}
        >
          <CartesianGrid horizontal={false} />
          <XAxis type="number" tickFormatter={formatCentsRounded} {...AXIS_PROPS} />
          <YAxis type="category" dataKey="label" width={180} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} formatter={(value) => formatCentsRounded(Number(value))} />
          <Legend {...LEGEND_PROPS} />
          {(["allocatedCents", "paidCents"] as const).map((key, index) => (
            <Bar
              key={key}
              dataKey={key}
              name={key === "allocatedCents" ? "Alloué" : "Versé"}
              fill={CHART_COLORS[index === 0 ? 0 : 2]}
              cursor="pointer"
              onClick={(bar: { payload?: DashboardGroup }) => {
                if (bar.payload) void navigate(pathOf(bar.payload.key));
              }}
            />
          ))}
        </BarChart>
      }
    >
      <SegmentedControl
        small
        legend="Regrouper les montants"
        segments={[segment("category"), segment("ministry"), segment("territory")]}
      />
      <p className="fr-text--sm fr-mt-2w">
        Choisir une barre, ou un nom dans le tableau, ouvre le portefeuille filtré sur ce groupe.
      </p>
    </ChartFrame>
  );
}
