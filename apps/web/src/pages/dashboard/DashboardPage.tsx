import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { ControlsRemaining } from "../../features/controls/ControlsRemaining";
import { AS_OF_PARAM, useAsOf } from "../../features/dashboard/use-as-of";
import { DecisionsDue } from "../../features/dashboard/synthesis/DecisionsDue";
import { Synthesis } from "../../features/dashboard/synthesis/Synthesis";
import { useCan } from "../../lib/session";

/**
 * The detailed sections and their charts, loaded after the synthesis: the
 * first screen does not wait for recharts (137 KiB gzip).
 */
const DashboardDetails = lazy(() => import("./DashboardDetails"));

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
  const readsDecisions = useCan("readDecisions");
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
          {synthesis.data && (
            <Synthesis
              figures={data}
              synthesis={synthesis.data}
              decisions={readsDecisions && <DecisionsDue asOf={chosen} printable={false} />}
            />
          )}
          <Suspense fallback={<LoadingState label="Chargement des graphiques" />}>
            <DashboardDetails figures={data} />
          </Suspense>
        </>
      )}
    </>
  );
}
