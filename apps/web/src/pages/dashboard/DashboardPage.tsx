import { fr } from "@codegouvfr/react-dsfr";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useAsOf, withAsOf } from "../../lib/use-as-of";
import { AsOfPicker } from "../../components/AsOfPicker";
import { ROUTES } from "../../routes";
import { ControlsRemaining } from "../../features/controls/ControlsRemaining";
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
  const { asOf, chosen, query } = useAsOf();
  const figures = useQuery({
    ...trpc.dashboard.figures.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const synthesis = useQuery({
    ...trpc.dashboard.synthesis.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;
  const readsDecisions = useCan("readDecisions");

  return (
    <>
      <h1 className={fr.cx("fr-h3", "fr-mt-1w", "fr-mb-1w")}>
        Pilotage du portefeuille au {formatDate(asOf)}
      </h1>
      <ControlsRemaining />
      <AsOfPicker
        hint={null}
        aside={
          <Link
            to={withAsOf(ROUTES.dashboardNote, chosen)}
            className={fr.cx("fr-link", "fr-icon-printer-line", "fr-link--icon-left")}
          >
            Note de synthèse à imprimer
          </Link>
        }
      />

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
