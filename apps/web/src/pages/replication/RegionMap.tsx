import type { RegionCode, ReplicationOverview } from "@defis/domain";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS } from "../../components/chart-palette";
import { MapCredit, MapLegend, RegionMapChart } from "../../components/RegionMapChart";
import { formatCount, pluralize } from "../../lib/format";
import { regionName } from "../../features/replication/replication-labels";

/** Four steps, lightest for none: the DSFR palette's blues. */
const SCALE = [
  { from: 0, label: "Aucune adoption", color: "#F0F0F0" },
  { from: 1, label: "1 adoption", color: CHART_COLORS[1] },
  { from: 2, label: "2 ou 3 adoptions", color: CHART_COLORS[0] },
  { from: 4, label: "4 adoptions ou plus", color: CHART_COLORS[2] },
] as const;

function colorOf(total: number): string {
  return [...SCALE].reverse().find((step) => total >= step.from)?.color ?? SCALE[0].color;
}

function finding(overview: ReplicationOverview): string {
  const regions = overview.regions.filter((region) => region.total > 0);
  if (regions.length === 0) return "Aucune adoption en cours ou déployée sur le territoire";
  const [first] = [...regions].sort((left, right) => right.total - left.total);
  return `Des adoptions dans ${pluralize(regions.length, "région")} ; la plus active : ${regionName(first?.regionCode ?? "")} (${formatCount(first?.total ?? 0)})`;
}

interface RegionMapProps {
  overview: ReplicationOverview;
  selected: RegionCode | undefined;
  onSelect: (region: RegionCode | undefined) => void;
}

/**
 * Adoptions under way or deployed by région. Each région is a button that
 * filters the page on it; the table beside gives the same figures.
 */
export function RegionMap({ overview, selected, onSelect }: RegionMapProps) {
  const totals = new Map(overview.regions.map((region) => [region.regionCode, region]));
  const describe = (code: string) => {
    const region = totals.get(code as RegionCode);
    const total = region?.total ?? 0;
    return `${regionName(code)} : ${pluralize(total, "adoption")}, dont ${formatCount(region?.deployed ?? 0)} déployée${(region?.deployed ?? 0) > 1 ? "s" : ""}`;
  };

  return (
    <ChartFrame
      headingId="essaimage-carte"
      title={finding(overview)}
      dataDate={overview.dataDate}
      interactive
      chart={
        <RegionMapChart
          label="Carte des adoptions par région"
          describe={describe}
          colorOf={(code) => colorOf(totals.get(code as RegionCode)?.total ?? 0)}
          pressed={(code) => selected === code}
          onActivate={(code) => onSelect(selected === code ? undefined : (code as RegionCode))}
        />
      }
      table={{
        caption: "Adoptions en cours ou déployées par région",
        columns: [
          { header: "Région" },
          { header: "Adoptions", numeric: true },
          { header: "Dont déployées", numeric: true },
        ],
        rows: overview.regions.map((region) => ({
          key: region.regionCode,
          cells: [regionName(region.regionCode), formatCount(region.total), formatCount(region.deployed)],
        })),
      }}
    >
      <p className="fr-text--sm">
        Choisir une région sur la carte (clic, ou touche Entrée au clavier) filtre la page sur elle. Les
        régions d'outre-mer figurent dans les encadrés à gauche.
      </p>
      <MapLegend steps={SCALE} />
      <MapCredit />
    </ChartFrame>
  );
}
