import { fr } from "@codegouvfr/react-dsfr";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import {
  REPLICATION_CRITERIA,
  REPLICATION_CRITERION_KEYS,
  replicationIndex,
  SCORE_LABELS,
  scoreLaureateSchema,
  type ReplicationCriterion,
  type ScorecardItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { useTRPC } from "../../lib/trpc";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { indexLabel } from "./replication-labels";
import { isConflict, TextField, useRefreshReplication } from "./replication-form";
import { useFormErrors } from "../../lib/use-form-errors";

/** Each criterion's score then justification, in the grid's order, then the sponsor. */
const FIELDS = [
  ...REPLICATION_CRITERION_KEYS.flatMap((criterion) => [
    `criteria.${criterion}.score`,
    `criteria.${criterion}.justification`,
  ]),
  "sponsorName",
];

type Scores = Record<ReplicationCriterion, { score: number | null; justification: string }>;

function startFrom(current: ScorecardItem | null): Scores {
  return Object.fromEntries(
    REPLICATION_CRITERION_KEYS.map((criterion) => [
      criterion,
      current
        ? {
            score: current.criteria[criterion].score,
            justification: current.criteria[criterion].justification,
          }
        : { score: null, justification: "" },
    ]),
  ) as Scores;
}

interface ScorecardFormProps {
  slug: string;
  /** The scorecard the officer starts from, which the new one will follow in the history. */
  current: ScorecardItem | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** A new scorecard, filled with the sponsor: six criteria scored 0 to 4, each justified. */
export function ScorecardForm({ slug, current, onDone, onCancel }: ScorecardFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReplication();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field.replaceAll(".", "-")}`;
  const { errors, check, fromServer } = useFormErrors({ fields: FIELDS, idOf });
  const [scores, setScores] = useState<Scores>(() => startFrom(current));
  const [sponsorName, setSponsorName] = useState(current?.sponsorName ?? "");
  const mutation = useMutation(
    trpc.replication.score.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        onDone(`Grille enregistrée : indice ${indexLabel(result.index)}.`);
      },
      onError: (error) => {
        if (isConflict(error)) void refresh();
        fromServer(error);
      },
    }),
  );
  const complete = REPLICATION_CRITERION_KEYS.every((criterion) => scores[criterion].score !== null);
  const preview = complete
    ? replicationIndex(
        Object.fromEntries(REPLICATION_CRITERION_KEYS.map((key) => [key, scores[key].score ?? 0])) as Record<
          ReplicationCriterion,
          number
        >,
      )
    : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const input = check(
      scoreLaureateSchema.safeParse({
        laureateSlug: slug,
        basedOnScorecardId: current?.id ?? null,
        criteria: scores,
        sponsorName,
      }),
    );
    if (input) mutation.mutate(input);
    else mutation.reset();
  }

  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title="Noter le potentiel d'essaimage">
      <p className={fr.cx("fr-text--sm")}>
        Remplissez la grille avec le sponsor du lauréat. Chaque note va de 0 (défavorable) à 4 (très favorable
        à la reprise) ; pour le coût et les prérequis, 4 signifie « faible coût » et « peu de prérequis ». La
        grille précédente reste dans l'historique.
      </p>
      {mutation.error && (
        <ActionErrorAlert
          error={mutation.error}
          title={
            isConflict(mutation.error)
              ? "Une autre grille a été enregistrée entre-temps : elle est maintenant affichée"
              : "La grille n'a pas été enregistrée"
          }
        />
      )}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        {REPLICATION_CRITERION_KEYS.map((criterion) => (
          <fieldset
            key={criterion}
            id={idOf(`criteria.${criterion}.score`)}
            tabIndex={-1}
            className={fr.cx("fr-fieldset", "fr-mb-2w")}
          >
            <legend className={fr.cx("fr-fieldset__legend", "fr-text--bold")}>
              {REPLICATION_CRITERIA[criterion]}
            </legend>
            <RadioButtons
              legend="Note"
              orientation="horizontal"
              state={errors[`criteria.${criterion}.score`] ? "error" : "default"}
              stateRelatedMessage={errors[`criteria.${criterion}.score`]}
              options={([0, 1, 2, 3, 4] as const).map((score) => ({
                label: SCORE_LABELS[score],
                nativeInputProps: {
                  name: `${baseId}-${criterion}`,
                  value: String(score),
                  checked: scores[criterion].score === score,
                  onChange: () =>
                    setScores((before) => ({ ...before, [criterion]: { ...before[criterion], score } })),
                },
              }))}
            />
            <TextField
              id={idOf(`criteria.${criterion}.justification`)}
              label="Justification"
              hint="Ce qui fonde la note, en une ou deux phrases."
              multiline
              maxLength={1000}
              value={scores[criterion].justification}
              error={errors[`criteria.${criterion}.justification`]}
              onChange={(justification) =>
                setScores((before) => ({ ...before, [criterion]: { ...before[criterion], justification } }))
              }
            />
          </fieldset>
        ))}
        <TextField
          id={idOf("sponsorName")}
          label="Sponsor avec qui la grille a été remplie"
          value={sponsorName}
          error={errors.sponsorName}
          maxLength={200}
          onChange={setSponsorName}
        />
        <p role="status" aria-live="polite" className={fr.cx("fr-text--bold")}>
          {preview === null
            ? "Notez les six critères pour voir l'indice."
            : `Indice calculé : ${indexLabel(preview)}`}
        </p>
        <SubmitOrCancel label="Enregistrer la grille" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
