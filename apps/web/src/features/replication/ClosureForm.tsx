import { fr } from "@codegouvfr/react-dsfr";
import { closeLaureateSchema } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatDate, parisToday } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { TextField, useRefreshReplication } from "./replication-form";
import { useFormErrors } from "../../lib/use-form-errors";

interface ClosureFormProps {
  slug: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Closes the laureate with its lessons learned; the server checks the kit once more. */
export function ClosureForm({ slug, onDone, onCancel }: ClosureFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReplication();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const { errors, check, fromServer } = useFormErrors({ fields: ["closedOn", "lessonsLearned"], idOf });
  const [closedOn, setClosedOn] = useState(parisToday());
  const [lessonsLearned, setLessonsLearned] = useState("");
  const mutation = useMutation(
    trpc.replication.close.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Lauréat clôturé le ${formatDate(closedOn)}.`);
      },
      onError: fromServer,
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const input = check(closeLaureateSchema.safeParse({ laureateSlug: slug, closedOn, lessonsLearned }));
    if (input) mutation.mutate(input);
  }

  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title="Clôturer le lauréat">
      <p className={fr.cx("fr-text--sm")}>
        La clôture est définitive : les enseignements et le kit de clôture restent consultables par tous.
      </p>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="Le lauréat n'a pas été clôturé" />}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <TextField
          id={idOf("closedOn")}
          label="Date de clôture"
          type="date"
          value={closedOn}
          error={errors.closedOn}
          onChange={setClosedOn}
        />
        <TextField
          id={idOf("lessonsLearned")}
          label="Enseignements du projet"
          hint="Ce qui a marché, ce qui n'a pas marché, ce qu'une administration qui reprend la solution doit savoir (50 caractères au moins)."
          multiline
          maxLength={5000}
          value={lessonsLearned}
          error={errors.lessonsLearned}
          onChange={setLessonsLearned}
        />
        <SubmitOrCancel label="Clôturer le lauréat" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
