import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { FunnelChart } from "../../features/replication/FunnelChart";
import { AllocationChart } from "./AllocationChart";
import { AllocationMap } from "./AllocationMap";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { ControlsRemaining } from "../../features/controls/ControlsRemaining";
import { MilestonesChart, MilestoneTimelineChart } from "./MilestoneCharts";
import { PaymentsChart } from "./PaymentsChart";
import { AS_OF_PARAM, useAsOf } from "../../features/dashboard/use-as-of";
import { Synthesis } from "../../features/dashboard/synthesis/Synthesis";
import { WeatherChart, WeatherTrendChart } from "./WeatherCharts";

/** The direction's home: the whole portfolio as it stood at the end of a day. */
export default function DashboardPage() {
  useDocumentTitle("Pilotage");
  const trpc = useTRPC();
  const { asOf, chosen, today, setAsOf } = useAsOf();
  const figures = useQuery({
    ...trpc.dashboard.figures.queryOptions(chosen ? { asOf: chosen } : {}),
    placeholderData: keepPreviousData,
  });
  const synthesis = useQuery({
    ...trpc.dashboard.synthesis.queryOptions(chosen ? { asOf: chosen } : {}),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;
  const noteHref = chosen ? `${ROUTES.dashboardNote}?${AS_OF_PARAM}=${chosen}` : ROUTES.dashboardNote;

  return (
    <>
      <div
        className={fr.cx(
          "fr-grid-row",
          "fr-grid-row--gutters",
          "fr-grid-row--bottom",
          "fr-mt-1w",
          "fr-mb-1w",
        )}
      >
        <div className={fr.cx("fr-col-12", "fr-col-lg-6")}>
          <h1 className={fr.cx("fr-h3", "fr-mb-0")}>Pilotage du portefeuille au {formatDate(asOf)}</h1>
        </div>
        <form
          aria-label="Date de l'état"
          className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-3")}
          onSubmit={(event) => event.preventDefault()}
        >
          <Input
            label="État au (fin de journée)"
            className={fr.cx("fr-mb-0")}
            nativeInputProps={{
              id: AS_OF_PARAM,
              type: "date",
              value: asOf,
              max: today,
              onChange: (event) => setAsOf(event.target.value),
            }}
          />
        </form>
        <ul className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-3", "fr-raw-list")}>
          {chosen && (
            <li>
              <Link
                to={ROUTES.dashboard}
                className={fr.cx("fr-link", "fr-icon-arrow-go-back-line", "fr-link--icon-left")}
              >
                Revenir à aujourd'hui
              </Link>
            </li>
          )}
          <li>
            <Link to={noteHref} className={fr.cx("fr-link", "fr-icon-printer-line", "fr-link--icon-left")}>
              Note de synthèse à imprimer
            </Link>
          </li>
        </ul>
      </div>
      <ControlsRemaining />

      {figures.isPending && <LoadingState label="Chargement des chiffres" />}
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && (
        <>
          <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite">
            Chiffres au {formatShortDate(data.asOf)}
          </p>
          {synthesis.isError && (
            <ErrorState error={synthesis.error} onRetry={() => void synthesis.refetch()} />
          )}
          {synthesis.data && <Synthesis figures={data} synthesis={synthesis.data} />}
          <h2 id="pilotage-detail" className={fr.cx("fr-h4")}>
            Chiffres détaillés
          </h2>
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
