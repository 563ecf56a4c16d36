import type { DashboardFigures, RegionCode } from "@defis/domain";
import { useNavigate } from "react-router";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS } from "../../components/chart-palette";
import { MapCredit, MapLegend, RegionMapChart } from "../../components/RegionMapChart";
import { formatCentsRounded, pluralize } from "../../lib/format";
import { portfolioPath } from "../../features/laureates/use-portfolio-filters";
import { regionName } from "../../features/replication/replication-labels";
import { frameData } from "./chart-data";

const NONE = "#F0F0F0";
const STEPS = [CHART_COLORS[1], CHART_COLORS[0], CHART_COLORS[2]] as const;

/** Régions by the amount allocated to their laureates; each leads to the portfolio of that territory. */
export function AllocationMap({ figures }: { figures: DashboardFigures }) {
  const navigate = useNavigate();
  const byCode = new Map(figures.regions.map((region) => [region.regionCode, region]));
  const largest = Math.max(0, ...figures.regions.map((region) => region.allocatedCents));
  // Thirds of the largest amount: the scale follows the portfolio, whatever its size.
  const stepOf = (cents: number) =>
    Math.min(STEPS.length - 1, Math.floor((cents * STEPS.length) / (largest + 1)));
  const colorOf = (code: string) => {
    const cents = byCode.get(code as RegionCode)?.allocatedCents ?? 0;
    return cents === 0 ? NONE : (STEPS[stepOf(cents)] ?? NONE);
  };
  const describe = (code: string) => {
    const region = byCode.get(code as RegionCode);
    return `${regionName(code)} : ${pluralize(region?.laureates ?? 0, "lauréat")}, ${formatCentsRounded(region?.allocatedCents ?? 0)} alloués`;
  };
  const [top] = [...figures.regions].sort((left, right) => right.allocatedCents - left.allocatedCents);
  const { table, download } = frameData({
    caption: "Alloué et versé par région",
    fileName: `regions-${figures.asOf}`,
    columns: [
      { header: "Région", kind: "text" },
      { header: "Lauréats", kind: "count" },
      { header: "Alloué", kind: "cents" },
      { header: "Versé", kind: "cents" },
    ],
    rows: figures.regions.map((region) => ({
      key: region.regionCode,
      href: portfolioPath({ territory: region.regionCode }),
      cells: [regionName(region.regionCode), region.laureates, region.allocatedCents, region.paidCents],
    })),
  });
  const third = (index: number) => formatCentsRounded(Math.round((largest * index) / STEPS.length));
  return (
    <ChartFrame
      headingId="pilotage-carte"
      title={
        top && top.allocatedCents > 0
          ? `${regionName(top.regionCode)} : la région la mieux dotée, ${formatCentsRounded(top.allocatedCents)} alloués à ${pluralize(top.laureates, "lauréat")}`
          : "Aucun montant alloué à un lauréat local"
      }
      dataDate={figures.asOf}
      interactive
      table={table}
      download={download}
      chart={
        <RegionMapChart
          label="Carte des montants alloués par région"
          describe={describe}
          colorOf={colorOf}
          onActivate={(code) => void navigate(portfolioPath({ territory: code }))}
        />
      }
    >
      <p className="fr-text--sm">
        Les lauréats nationaux n'ont pas de région. Choisir une région (clic, ou touche Entrée) ouvre le
        portefeuille de ses lauréats ; les régions d'outre-mer figurent dans les encadrés à gauche.
      </p>
      <MapLegend
        steps={[
          { label: "Aucun montant alloué", color: NONE },
          ...STEPS.map((color, index) => ({
            label: `Jusqu'à ${third(index + 1)}`,
            color,
          })),
        ]}
      />
      <MapCredit />
    </ChartFrame>
  );
}
