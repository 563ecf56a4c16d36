import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useParams } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatDateTime } from "../../lib/format";
import { isUnknownResource, useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import NotFoundPage from "../../components/NotFoundPage";
import { DashboardTiles } from "../../features/dashboard/DashboardTiles";
import { useCan } from "../../lib/session";
import { DrawAtOnceContext } from "../../lib/use-near-viewport";
import { ReviewDecisionsSection } from "./ReviewDecisionsSection";

// The charts (recharts) load beside the page: its figures, changes and decisions show without waiting for them.
const PortfolioCharts = lazy(() =>
  import("../../features/dashboard/PortfolioCharts").then((module) => ({ default: module.PortfolioCharts })),
);
const ImpactCharts = lazy(() =>
  import("../../features/dashboard/ImpactCharts").then((module) => ({ default: module.ImpactCharts })),
);
import { ForecastSummary } from "../../features/dashboard/synthesis/ForecastSummary";
import { LaureateSheetArticle } from "./LaureateSheetArticle";
import { ReviewChangesSection } from "./ReviewChangesSection";
import { ReviewImpactSection } from "./ReviewImpactSection";

/**
 * A review: its frozen figures and their charts, what changed since the
 * previous one, its decisions and the follow-up of the earlier ones, and one
 * sheet per laureate.
 */
export default function ReviewPage() {
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const review = useQuery({ ...trpc.reviews.byId.queryOptions({ id }), enabled: valid });
  const readsDecisions = useCan("readDecisions");
  useDocumentTitle(review.data ? review.data.title : "Revue du portefeuille");

  if (!valid || (review.isError && isUnknownResource(review.error))) return <NotFoundPage />;
  if (review.isPending) return <LoadingState label="Chargement de la revue" />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const { data } = review;
  return (
    <>
      <h1 className={fr.cx("fr-mt-4w", "fr-mb-1w")}>{data.title}</h1>
      <p className={fr.cx("fr-text--lead", "fr-mb-1w")}>État au {formatDate(data.asOf)}</p>
      <p className={fr.cx("fr-text--sm")}>
        Ouverte le {formatDateTime(data.openedAt)}
        {data.openedBy ? ` par ${data.openedBy}` : ""}. Les chiffres sont figés à la fin du{" "}
        {formatDate(data.asOf)}.
      </p>
      {data.isDemo && (
        <Notice
          className={fr.cx("fr-mb-3w")}
          title="Revue de démonstration"
          description="Cette revue a été ouverte sur des données fictives : ses chiffres ne décrivent aucun comité réel."
        />
      )}
      <Button
        className={`defis-no-print ${fr.cx("fr-mb-4w")}`}
        priority="secondary"
        iconId="fr-icon-printer-line"
        type="button"
        onClick={() => window.print()}
      >
        Imprimer la revue
      </Button>
      <section aria-labelledby="revue-chiffres">
        <h2 id="revue-chiffres">Les chiffres au {formatDate(data.asOf)}</h2>
        <DashboardTiles figures={data.snapshot.figures} />
        {/* Frozen with the figures since the forecast exists; an older review has none and shows none. */}
        {data.snapshot.figures.forecast && (
          <div className={fr.cx("fr-mb-4w")}>
            <ForecastSummary forecast={data.snapshot.figures.forecast} printable />
          </div>
        )}
      </section>
      {/* Drawn at once from the frozen figures: the review is printed with its charts. */}
      <DrawAtOnceContext value={true}>
        <Suspense fallback={<LoadingState label="Chargement des graphiques" />}>
          <PortfolioCharts figures={data.snapshot.figures} />
          {data.snapshot.impact && <ImpactCharts impact={data.snapshot.impact} />}
        </Suspense>
      </DrawAtOnceContext>
      <ReviewChangesSection changes={data.changes} />
      <ReviewImpactSection changes={data.impactChanges} frozen={data.snapshot.impact !== undefined} />
      {readsDecisions && (
        <ReviewDecisionsSection
          reviewId={data.id}
          reviewAsOf={data.asOf}
          laureates={data.snapshot.laureates}
        />
      )}
      <section aria-labelledby="revue-fiches">
        <h2 id="revue-fiches" className="defis-review-sheets-heading">
          Fiches des lauréats
        </h2>
        {data.snapshot.laureates.map((sheet) => (
          <LaureateSheetArticle key={sheet.slug} sheet={sheet} />
        ))}
      </section>
    </>
  );
}
