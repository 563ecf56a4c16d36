import {
  DECISION_STATUSES,
  updateDecisionStatusSchema,
  type DecisionItem,
  type DecisionStatus,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { VocabularySelect } from "../../components/VocabularySelect";
import { isConflict, TextField } from "../../features/replication/replication-form";
import { formatDate } from "../../lib/format";
import { useFormErrors } from "../../lib/use-form-errors";
import { useTRPC } from "../../lib/trpc";
import { useRefreshDecisions } from "./use-refresh-decisions";

interface DecisionStatusFormProps {
  reviewId: number;
  reviewAsOf: string;
  decision: DecisionItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Notes, in this review, where a decision stands, with a note; abandoning says why. */
export function DecisionStatusForm({
  reviewId,
  reviewAsOf,
  decision,
  onDone,
  onCancel,
}: DecisionStatusFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshDecisions();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const { errors, check, fromServer } = useFormErrors({ fields: ["status", "note"], idOf });
  const [status, setStatus] = useState<DecisionStatus>(decision.status);
  const [note, setNote] = useState(decision.note ?? "");
  const mutation = useMutation(
    trpc.reviews.updateDecision.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(
          `« ${decision.text} » : statut « ${DECISION_STATUSES[status]} » noté à la revue du ${formatDate(reviewAsOf)}.`,
        );
      },
      onError: (error) => {
        if (isConflict(error)) void refresh();
        fromServer(error);
      },
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const input = check(
      updateDecisionStatusSchema.safeParse({
        decisionId: decision.id,
        reviewId,
        version: decision.version,
        status,
        note,
      }),
    );
    if (input) mutation.mutate(input);
  }

  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title={`Suivi de la décision : ${decision.text}`}>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="Le statut n'a pas été noté" />}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <VocabularySelect
          id={idOf("status")}
          label="Statut"
          labels={DECISION_STATUSES}
          value={status}
          error={errors.status}
          onChange={setStatus}
        />
        <TextField
          id={idOf("note")}
          label="Note"
          hint="Où en est l'action ; pour un abandon, pourquoi"
          multiline
          maxLength={1_000}
          value={note}
          error={errors.note}
          onChange={setNote}
        />
        <SubmitOrCancel label="Noter le statut" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
