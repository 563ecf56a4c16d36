import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, formatDateTime } from "../../lib/format";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { OpenReviewForm } from "./OpenReviewForm";

/** The portfolio reviews, newest first, and for officers the form that opens one. */
export default function ReviewsPage() {
  useDocumentTitle("Revues du portefeuille");
  const trpc = useTRPC();
  const canOpen = useCan("openReview");
  const reviews = useQuery(trpc.reviews.list.queryOptions());

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Revues du portefeuille</h1>
      <p className={fr.cx("fr-text--lead")}>
        Chaque revue fige les chiffres du portefeuille et la fiche de chaque lauréat à un jour donné, et dit
        ce qui a changé depuis la précédente.
      </p>
      {canOpen && <OpenReviewForm />}
      <h2>Revues ouvertes</h2>
      {reviews.isPending && <LoadingState label="Chargement des revues" />}
      {reviews.isError && <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data?.length === 0 && (
        <EmptyState title="Aucune revue">
          {canOpen
            ? "Ouvrez la première revue avec le formulaire ci-dessus."
            : "Les chargés de mission ouvrent les revues ; elles apparaîtront ici."}
        </EmptyState>
      )}
      {reviews.data && reviews.data.length > 0 && (
        <DataTable
          caption="Revues, de la plus récente à la plus ancienne"
          columns={[
            { header: "État au" },
            { header: "Intitulé" },
            { header: "Ouverte par" },
            { header: "Ouverte le" },
          ]}
          rows={reviews.data.map((review) => ({
            key: review.id,
            cells: [
              formatDate(review.asOf),
              <>
                <Link to={ROUTES.review(review.id)}>{review.title}</Link>
                {review.isDemo && (
                  <>
                    {" "}
                    <Badge as="span" small severity="info">
                      Démonstration
                    </Badge>
                  </>
                )}
              </>,
              // Accounts are deactivated, never deleted: a review without an author was generated.
              review.openedBy ?? "Scénario de démonstration",
              formatDateTime(review.openedAt),
            ],
          }))}
        />
      )}
    </>
  );
}
