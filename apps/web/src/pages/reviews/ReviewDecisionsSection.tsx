import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CSV_DIALECTS, DECISIONS_DOWNLOAD, type DecisionItem, type LaureateSheet } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { DownloadLink } from "../../features/exports/DownloadLink";
import { DecisionList } from "../../features/reviews/DecisionList";
import { formatDate } from "../../lib/format";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { DecisionForm } from "./DecisionForm";
import { DecisionStatusForm } from "./DecisionStatusForm";

const RECORD_BUTTON_ID = "revue-enregistrer-decision";
const statusButtonId = (decision: DecisionItem) => `revue-decision-${decision.id}-statut`;

type Panel = { kind: "record" } | { kind: "status"; decision: DecisionItem };

interface ReviewDecisionsSectionProps {
  reviewId: number;
  reviewAsOf: string;
  laureates: Pick<LaureateSheet, "slug" | "title">[];
}

/**
 * The review's decisions and the follow-up of the earlier ones, each with its
 * status as noted up to this review. Officers record and note them in the
 * latest review only: an older one keeps what it showed.
 */
export function ReviewDecisionsSection({ reviewId, reviewAsOf, laureates }: ReviewDecisionsSectionProps) {
  const trpc = useTRPC();
  const decisions = useQuery(trpc.reviews.decisions.queryOptions({ id: reviewId }));
  const canRecord = useCan("recordDecisions");
  const { panel, notice, open, close, finish, clearNotice } = useSectionPanel<Panel>(RECORD_BUTTON_ID);

  if (decisions.isPending) return <LoadingState label="Chargement des décisions" />;
  if (decisions.isError)
    return <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />;
  const { taken, carriedOver, isLatest } = decisions.data;
  const editable = canRecord && isLatest;
  const statusAction = editable
    ? (decision: DecisionItem) => (
        <Button
          id={statusButtonId(decision)}
          className="defis-no-print"
          size="small"
          priority="secondary"
          nativeButtonProps={{ "aria-label": `Noter le statut : ${decision.text}` }}
          onClick={() => open({ kind: "status", decision }, statusButtonId(decision))}
        >
          Noter le statut
        </Button>
      )
    : undefined;
  const day = formatDate(reviewAsOf);

  return (
    <>
      <section aria-labelledby="revue-decisions">
        <h2 id="revue-decisions">Décisions de la revue</h2>
        <SectionNotice notice={notice} onClose={clearNotice} />
        {canRecord && !isLatest && (
          <p className="defis-no-print">
            Une revue plus récente existe : les décisions s'enregistrent et se suivent dans la dernière revue.
          </p>
        )}
        <DecisionList
          caption={`Décisions prises à la revue du ${day}`}
          decisions={taken}
          emptyText="Aucune décision n'a été enregistrée dans cette revue."
          actionsOf={statusAction}
        />
        {editable && panel?.kind !== "record" && (
          <Button
            id={RECORD_BUTTON_ID}
            className="defis-no-print"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => open({ kind: "record" }, RECORD_BUTTON_ID)}
          >
            Enregistrer une décision
          </Button>
        )}
        {editable && panel?.kind === "record" && (
          <DecisionForm
            reviewId={reviewId}
            reviewAsOf={reviewAsOf}
            laureates={laureates}
            onDone={finish}
            onCancel={close}
          />
        )}
      </section>
      <section aria-labelledby="revue-suivi-decisions" className={fr.cx("fr-mt-4w")}>
        <h2 id="revue-suivi-decisions">Suivi des décisions précédentes</h2>
        <p className={fr.cx("fr-text--sm")}>
          Les décisions des revues précédentes encore en cours au début de la revue précédente, avec leur
          statut tel qu'il est noté au {day} : une décision faite ou abandonnée depuis y figure une dernière
          fois. « En retard » : en cours après son échéance.
        </p>
        <DecisionList
          caption={`Décisions des revues précédentes, statut au ${day}`}
          decisions={carriedOver}
          emptyText="Aucune décision d'une revue précédente n'était en cours."
          showReview
          actionsOf={statusAction}
        />
        {editable && panel?.kind === "status" && (
          <DecisionStatusForm
            reviewId={reviewId}
            reviewAsOf={reviewAsOf}
            decision={panel.decision}
            onDone={finish}
            onCancel={close}
          />
        )}
        <p className={`defis-no-print ${fr.cx("fr-mt-2w")}`}>
          {DECISIONS_DOWNLOAD.label} :{" "}
          <DownloadLink
            download={DECISIONS_DOWNLOAD}
            extension="csv"
            dialect="excel"
            context={DECISIONS_DOWNLOAD.label}
          >
            {CSV_DIALECTS.excel}
          </DownloadLink>{" "}
          <DownloadLink
            download={DECISIONS_DOWNLOAD}
            extension="csv"
            dialect="opendata"
            context={DECISIONS_DOWNLOAD.label}
          >
            {CSV_DIALECTS.opendata}
          </DownloadLink>
        </p>
      </section>
    </>
  );
}
