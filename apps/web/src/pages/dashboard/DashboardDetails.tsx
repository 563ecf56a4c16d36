import { fr } from "@codegouvfr/react-dsfr";
import type { DashboardFigures } from "@defis/domain";
import { DashboardImpact } from "../../features/dashboard/DashboardImpact";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { PortfolioCharts } from "../../features/dashboard/PortfolioCharts";

/** Under the synthesis: the tiles, then the money, the progress, the replication and impact, chart by chart. */
export default function DashboardDetails({ figures }: { figures: DashboardFigures }) {
  return (
    <>
      <h2 id="pilotage-detail" className={fr.cx("fr-h4")}>
        Chiffres détaillés
      </h2>
      <DashboardTiles figures={figures} />
      <PortfolioCharts figures={figures} />
      <DashboardImpact />
    </>
  );
}
