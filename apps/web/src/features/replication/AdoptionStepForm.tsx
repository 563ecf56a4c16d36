import { ADOPTION_STAGES, moveAdoptionSchema, type AdoptionItem } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatDate, parisToday } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { isConflict, TextField, useRefreshReplication } from "./replication-form";
import { useFormErrors } from "../../lib/use-form-errors";

export type AdoptionStep = "contactee" | "pilote" | "deployee" | "abandonnee";

const TITLES: Record<AdoptionStep, string> = {
  contactee: "Marquer l'adoption comme contactée",
  pilote: "Passer l'adoption en pilote",
  deployee: "Marquer l'adoption comme déployée",
  abandonnee: "Abandonner l'adoption",
};

interface AdoptionStepFormProps {
  slug: string;
  adoption: AdoptionItem;
  to: AdoptionStep;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** One stage forward (or abandoned), dated; an abandonment gives its reason. */
export function AdoptionStepForm({ slug, adoption, to, onDone, onCancel }: AdoptionStepFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReplication();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const { errors, check, fromServer } = useFormErrors({ fields: ["on", "reason"], idOf });
  const [on, setOn] = useState(parisToday());
  const [reason, setReason] = useState("");
  const mutation = useMutation(
    trpc.replication.moveAdoption.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(
          `${adoption.organisation} : étape « ${ADOPTION_STAGES[to]} » enregistrée le ${formatDate(on)}.`,
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
      moveAdoptionSchema.safeParse({
        laureateSlug: slug,
        adoptionId: adoption.id,
        version: adoption.version,
        to,
        on,
        reason: to === "abandonnee" ? reason : null,
      }),
    );
    if (input) mutation.mutate(input);
  }

  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title={`${TITLES[to]} : ${adoption.organisation}`}>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="L'étape n'a pas été enregistrée" />}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <TextField
          id={idOf("on")}
          label={to === "abandonnee" ? "Date de l'abandon" : `Date du passage à « ${ADOPTION_STAGES[to]} »`}
          type="date"
          value={on}
          error={errors.on}
          onChange={setOn}
        />
        {to === "abandonnee" && (
          <TextField
            id={idOf("reason")}
            label="Motif de l'abandon"
            multiline
            maxLength={500}
            value={reason}
            error={errors.reason}
            onChange={setReason}
          />
        )}
        <SubmitOrCancel label="Enregistrer l'étape" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
