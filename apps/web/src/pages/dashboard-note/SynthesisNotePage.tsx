import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { DecisionsDue } from "../../features/dashboard/synthesis/DecisionsDue";
import { Synthesis } from "../../features/dashboard/synthesis/Synthesis";
import { useCan } from "../../lib/session";
import { useAsOf, withAsOf } from "../../lib/use-as-of";
import { formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";

/**
 * The note de synthèse: the synthesis of /pilotage for a review on paper
 * (two A4 pages): key figures and their change, the forecast, every
 * laureate that needs a decision and the decisions of the reviews in progress. The browser prints it; the print
 * stylesheet removes the header, the navigation and the buttons.
 */
export default function SynthesisNotePage() {
  useDocumentTitle("Note de synthèse");
  const trpc = useTRPC();
  const { asOf, chosen } = useAsOf();
  const input = chosen ? { asOf: chosen } : {};
  const readsDecisions = useCan("readDecisions");
  const figures = useQuery(trpc.dashboard.figures.queryOptions(input));
  const synthesis = useQuery(trpc.dashboard.synthesis.queryOptions(input));
  const backHref = withAsOf(ROUTES.dashboard, chosen);
  const failed = figures.isError ? figures : synthesis.isError ? synthesis : null;

  return (
    <>
      <h1 className={fr.cx("fr-h3", "fr-mt-2w", "fr-mb-1w")}>
        Note de synthèse du portefeuille au {formatDate(asOf)}
      </h1>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Appel à défis « Co-construire avec les usagers et les agents » : enveloppe, atterrissage, lauréats
        appelant une décision et décisions des revues en cours.
      </p>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
        <li>
          <Button iconId="fr-icon-printer-line" type="button" onClick={() => window.print()}>
            Imprimer la note
          </Button>
        </li>
        <li>
          <Link
            to={backHref}
            className={fr.cx(
              "fr-btn",
              "fr-btn--secondary",
              "fr-icon-arrow-go-back-line",
              "fr-btn--icon-left",
            )}
          >
            Revenir au pilotage
          </Link>
        </li>
      </ul>
      {(figures.isPending || synthesis.isPending) && !failed && (
        <LoadingState label="Chargement de la note" />
      )}
      {failed && <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />}
      {figures.data && synthesis.data && (
        <Synthesis
          figures={figures.data}
          synthesis={synthesis.data}
          printable
          decisions={readsDecisions && <DecisionsDue asOf={chosen} printable />}
        />
      )}
    </>
  );
}
