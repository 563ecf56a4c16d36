import { fr } from "@codegouvfr/react-dsfr";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { MILESTONE_STATUSES, type TrancheItem } from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatShortDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { trancheName } from "./finance-labels";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";

interface TrancheGateFormProps {
  slug: string;
  tranche: TrancheItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Chooses the milestone a planned tranche waits for before "service fait" (or none). */
export function TrancheGateForm({ slug, tranche, onDone, onCancel }: TrancheGateFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const headingId = useId();
  const selectId = useId();
  const { key } = useIdempotencyKey();
  const progress = useQuery(trpc.progress.forLaureate.queryOptions({ slug }));
  const [milestoneId, setMilestoneId] = useState(
    tranche.gatingMilestoneId === null ? "" : String(tranche.gatingMilestoneId),
  );
  const mutation = useMutation(
    trpc.finance.setTrancheGate.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        const chosen = progress.data?.milestones.find((milestone) => milestone.id === input.milestoneId);
        onDone(
          chosen
            ? `${trancheName(tranche)} attend désormais le jalon « ${chosen.title} ».`
            : `${trancheName(tranche)} n'attend plus de jalon.`,
        );
      },
      onError: () => void refresh(),
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({
      trancheId: tranche.id,
      version: tranche.version,
      milestoneId: milestoneId === "" ? null : Number(milestoneId),
      idempotencyKey: key,
    });
  }

  return (
    <Panel headingId={headingId} title={`Jalon requis : ${trancheName(tranche)}`}>
      <p className={fr.cx("fr-text--sm")}>
        Le service fait de cette tranche ne pourra être constaté qu'une fois ce jalon atteint.
      </p>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="Le jalon requis n'a pas changé" />}
      {progress.isPending && <LoadingState label="Chargement des jalons" />}
      {progress.isError && <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />}
      {progress.data && (
        <form noValidate aria-labelledby={headingId} onSubmit={submit}>
          <Select
            label="Jalon à atteindre avant le service fait"
            nativeSelectProps={{
              id: selectId,
              value: milestoneId,
              onChange: (event) => setMilestoneId(event.target.value),
            }}
          >
            <option value="">Aucun jalon</option>
            {progress.data.milestones.map((milestone) => (
              <option key={milestone.id} value={milestone.id}>
                {milestone.title} — échéance {formatShortDate(milestone.dueOn)} (
                {MILESTONE_STATUSES[milestone.status]})
              </option>
            ))}
          </Select>
          <SubmitOrCancel label="Enregistrer" pending={mutation.isPending} onCancel={onCancel} />
        </form>
      )}
    </Panel>
  );
}
