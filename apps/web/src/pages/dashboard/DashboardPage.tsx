import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { PortfolioCharts } from "../../features/dashboard/PortfolioCharts";
import { ControlsRemaining } from "../../features/controls/ControlsRemaining";
import { AS_OF_PARAM, useAsOf } from "./use-as-of";

/** The direction's home: the whole portfolio as it stood at the end of a day. */
export default function DashboardPage() {
  useDocumentTitle("Pilotage");
  const trpc = useTRPC();
  const { asOf, chosen, today, setAsOf } = useAsOf();
  const figures = useQuery({
    ...trpc.dashboard.figures.queryOptions(chosen ? { asOf: chosen } : {}),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Pilotage du portefeuille au {formatDate(asOf)}</h1>
      <ControlsRemaining />
      <form
        aria-label="Date de l'état"
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            label="État au"
            hintText="Les chiffres tels qu'ils étaient à la fin de ce jour"
            nativeInputProps={{
              id: AS_OF_PARAM,
              type: "date",
              value: asOf,
              max: today,
              onChange: (event) => setAsOf(event.target.value),
            }}
          />
        </div>
        {chosen && (
          <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-mb-3w")}>
            <Link
              to={ROUTES.dashboard}
              className={fr.cx("fr-link", "fr-icon-arrow-go-back-line", "fr-link--icon-left")}
            >
              Revenir à aujourd'hui
            </Link>
          </div>
        )}
      </form>

      {figures.isPending && <LoadingState label="Chargement des chiffres" />}
      {figures.isError && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && (
        <>
          <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite">
            Chiffres au {formatShortDate(data.asOf)}
          </p>
          <DashboardTiles figures={data} />
          <PortfolioCharts figures={data} />
        </>
      )}
    </>
  );
}
