import { fr } from "@codegouvfr/react-dsfr";
import type { DashboardFigures } from "@defis/domain";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { FunnelChart } from "../../features/replication/FunnelChart";
import { formatShortDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import { AllocationChart } from "./AllocationChart";
import { AllocationMap } from "./AllocationMap";
import { MilestonesChart, MilestoneTimelineChart } from "./MilestoneCharts";
import { PaymentsChart } from "./PaymentsChart";
import { WeatherChart, WeatherTrendChart } from "./WeatherCharts";

/** Under the synthesis: the tiles, then the money, the progress and the replication, chart by chart. */
export default function DashboardDetails({ figures }: { figures: DashboardFigures }) {
  return (
    <>
      <h2 id="pilotage-detail" className={fr.cx("fr-h4")}>
        Chiffres détaillés
      </h2>
      <DashboardTiles figures={figures} />
      <section aria-labelledby="pilotage-argent">
        <h2 id="pilotage-argent">L'argent</h2>
        <PaymentsChart figures={figures} />
        <AllocationChart figures={figures} />
        <AllocationMap figures={figures} />
      </section>
      <section aria-labelledby="pilotage-avancement">
        <h2 id="pilotage-avancement">L'avancement</h2>
        <WeatherChart figures={figures} />
        <WeatherTrendChart figures={figures} />
        <MilestonesChart figures={figures} />
        <MilestoneTimelineChart figures={figures} />
      </section>
      <section aria-labelledby="pilotage-essaimage">
        <h2 id="pilotage-essaimage">L'essaimage</h2>
        <FunnelChart
          headingId="pilotage-entonnoir"
          funnel={figures.funnel}
          abandoned={figures.adoptions.abandonnee}
          dataDate={figures.asOf}
          currentHeader={`À cette étape au ${formatShortDate(figures.asOf)}`}
          drillDown={{
            hrefOf: (stage) => `${ROUTES.replication}?etape=${stage}`,
            fileName: `essaimage-${figures.asOf}`,
          }}
        />
      </section>
    </>
  );
}
