import { fr } from "@codegouvfr/react-dsfr";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useAsOf } from "../../lib/use-as-of";
import { AsOfPicker } from "../../components/AsOfPicker";
import { ROUTES } from "../../routes";
import { FunnelChart } from "../../features/replication/FunnelChart";
import { AllocationChart } from "./AllocationChart";
import { AllocationMap } from "./AllocationMap";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { ControlsRemaining } from "../../features/controls/ControlsRemaining";
import { MilestonesChart, MilestoneTimelineChart } from "./MilestoneCharts";
import { PaymentsChart } from "./PaymentsChart";
import { WeatherChart, WeatherTrendChart } from "./WeatherCharts";

/** The direction's home: the whole portfolio as it stood at the end of a day. */
export default function DashboardPage() {
  useDocumentTitle("Pilotage");
  const trpc = useTRPC();
  const { asOf, query } = useAsOf();
  const figures = useQuery({
    ...trpc.dashboard.figures.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Pilotage du portefeuille au {formatDate(asOf)}</h1>
      <ControlsRemaining />
      <AsOfPicker />

      {figures.isPending && <LoadingState label="Chargement des chiffres" />}
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && (
        <>
          <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite">
            Chiffres au {formatShortDate(data.asOf)}
          </p>
          <DashboardTiles figures={data} />
          <section aria-labelledby="pilotage-argent">
            <h2 id="pilotage-argent">L'argent</h2>
            <PaymentsChart figures={data} />
            <AllocationChart figures={data} />
            <AllocationMap figures={data} />
          </section>
          <section aria-labelledby="pilotage-avancement">
            <h2 id="pilotage-avancement">L'avancement</h2>
            <WeatherChart figures={data} />
            <WeatherTrendChart figures={data} />
            <MilestonesChart figures={data} />
            <MilestoneTimelineChart figures={data} />
          </section>
          <section aria-labelledby="pilotage-essaimage">
            <h2 id="pilotage-essaimage">L'essaimage</h2>
            <FunnelChart
              headingId="pilotage-entonnoir"
              funnel={data.funnel}
              abandoned={data.adoptions.abandonnee}
              dataDate={data.asOf}
              currentHeader={`À cette étape au ${formatShortDate(data.asOf)}`}
              drillDown={{
                hrefOf: (stage) => `${ROUTES.replication}?etape=${stage}`,
                fileName: `essaimage-${data.asOf}`,
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
