import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { recordDecisionSchema, type LaureateSheet } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { TextField } from "../../features/replication/replication-form";
import { useFormErrors } from "../../lib/use-form-errors";
import { useTRPC } from "../../lib/trpc";
import { useRefreshDecisions } from "./use-refresh-decisions";

interface DecisionFormProps {
  reviewId: number;
  reviewAsOf: string;
  /** The laureates of the review's sheets, to choose those the decision concerns. */
  laureates: Pick<LaureateSheet, "slug" | "title">[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Records a decision of the review: what, who owns it, by when, for which laureates. */
export function DecisionForm({ reviewId, reviewAsOf, laureates, onDone, onCancel }: DecisionFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshDecisions();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const { errors, check, fromServer } = useFormErrors({
    fields: ["text", "owner", "dueOn", "laureateSlugs"],
    idOf,
  });
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState(reviewAsOf);
  const [chosen, setChosen] = useState<string[]>([]);
  const mutation = useMutation(
    trpc.reviews.recordDecision.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`La décision « ${text.trim()} » est enregistrée.`);
      },
      onError: fromServer,
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const input = check(
      recordDecisionSchema.safeParse({ reviewId, text, owner, dueOn, laureateSlugs: chosen }),
    );
    if (input) mutation.mutate(input);
  }

  const toggle = (slug: string, checked: boolean) =>
    setChosen((current) => (checked ? [...current, slug] : current.filter((kept) => kept !== slug)));
  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title="Enregistrer une décision">
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="La décision n'a pas été enregistrée" />
      )}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <TextField
          id={idOf("text")}
          label="Décision"
          hint="Ce qui est décidé ou l'action à mener"
          multiline
          maxLength={1_000}
          value={text}
          error={errors.text}
          onChange={setText}
        />
        <TextField
          id={idOf("owner")}
          label="Responsable"
          hint="Le nom de la personne ou du service, dans l'outil ou non"
          maxLength={200}
          value={owner}
          error={errors.owner}
          onChange={setOwner}
        />
        <TextField
          id={idOf("dueOn")}
          label="Échéance"
          type="date"
          value={dueOn}
          error={errors.dueOn}
          onChange={setDueOn}
        />
        <Checkbox
          id={idOf("laureateSlugs")}
          legend="Lauréats concernés"
          hintText="Aucun : la décision porte sur tout le programme"
          small
          state={errors.laureateSlugs ? "error" : "default"}
          stateRelatedMessage={errors.laureateSlugs}
          options={laureates.map((laureate) => ({
            label: laureate.title,
            nativeInputProps: {
              value: laureate.slug,
              checked: chosen.includes(laureate.slug),
              onChange: (event) => toggle(laureate.slug, event.target.checked),
            },
          }))}
        />
        <SubmitOrCancel label="Enregistrer la décision" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
