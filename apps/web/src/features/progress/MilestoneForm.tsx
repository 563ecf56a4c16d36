import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  createMilestoneSchema,
  currentMilestoneSchema,
  MILESTONE_STATUSES,
  updateMilestoneSchema,
  type MilestoneItem,
  type MilestoneStatus,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { formatDate } from "../../lib/format";
import { conflictCurrentOf, isStaleVersion, useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshProgress } from "./use-refresh-progress";
import { LabelOptions } from "../../components/LabelOptions";

const FIELDS = [
  "title",
  "description",
  "dueOn",
  "status",
  "reachedOn",
  "evidenceNote",
  "evidenceUrl",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

type MilestoneFacts = Pick<
  MilestoneItem,
  "title" | "description" | "dueOn" | "status" | "reachedOn" | "evidenceNote" | "evidenceUrl"
>;

function valuesOf(milestone: MilestoneFacts | null): Values {
  return {
    title: milestone?.title ?? "",
    description: milestone?.description ?? "",
    dueOn: milestone?.dueOn ?? "",
    status: milestone?.status ?? "a_venir",
    reachedOn: milestone?.reachedOn ?? "",
    evidenceNote: milestone?.evidenceNote ?? "",
    evidenceUrl: milestone?.evidenceUrl ?? "",
  };
}

interface MilestoneFormProps {
  slug: string;
  /** Null to add a milestone. */
  milestone: MilestoneItem | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Adds a milestone, or edits one on the version read (a conflict shows what it holds now). */
export function MilestoneForm({ slug, milestone, onDone, onCancel }: MilestoneFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const baseId = useId();
  const idOf = (field: Field | "heading") => `${baseId}-${field}`;
  const focus = usePendingFocus(idOf("heading"));
  const [values, setValues] = useState<Values>(() => valuesOf(milestone));
  const [version, setVersion] = useState(milestone?.version ?? 0);
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf });
  const { errors } = fieldErrors;

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) void refresh();
    fieldErrors.fromServer(error);
  };
  const onSuccess = async () => {
    await refresh();
    onDone(milestone ? "Le jalon a été enregistré." : "Le jalon a été ajouté.");
  };
  const create = useMutation(trpc.progress.createMilestone.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.progress.updateMilestone.mutationOptions({ onSuccess, onError }));
  const mutation = milestone ? update : create;
  const parsedCurrent = currentMilestoneSchema.safeParse(conflictCurrentOf(mutation.error));
  const current = isStaleVersion(mutation.error) && parsedCurrent.success ? parsedCurrent.data : null;

  function change(field: Field, value: string) {
    setValues((before) => ({ ...before, [field]: value }));
    fieldErrors.clear(field);
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const facts = {
      laureateSlug: slug,
      ...values,
      status: values.status as MilestoneStatus,
      reachedOn: values.status === "atteint" ? values.reachedOn || null : null,
    };
    if (milestone) {
      const input = fieldErrors.check(
        updateMilestoneSchema.safeParse({ ...facts, milestoneId: milestone.id, version }),
      );
      if (input) update.mutate(input);
    } else {
      const input = fieldErrors.check(createMilestoneSchema.safeParse(facts));
      if (input) create.mutate(input);
    }
  }

  function takeCurrent(now: NonNullable<typeof current>) {
    setValues(valuesOf(now));
    setVersion(now.version);
    fieldErrors.clear();
    mutation.reset();
    focus(idOf("title"));
  }

  const input = (field: Field) => ({
    id: idOf(field),
    value: values[field],
    "aria-invalid": errors[field] ? true : undefined,
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
  });

  return (
    <Panel
      headingId={idOf("heading")}
      title={milestone ? `Modifier le jalon « ${milestone.title} »` : "Ajouter un jalon"}
    >
      {current && (
        <StaleVersionAlert
          title="Ce jalon a été modifié entre-temps"
          error={mutation.error}
          as="h4"
          actionLabel="Reprendre les valeurs actuelles"
          onAction={() => takeCurrent(current)}
        >
          <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Valeurs actuelles :</p>
          <ul className={fr.cx("fr-mb-2w")}>
            <li>Titre : {current.title}</li>
            <li>Échéance : {formatDate(current.dueOn)}</li>
            <li>
              Statut : {MILESTONE_STATUSES[current.status]}
              {current.reachedOn && <> le {formatDate(current.reachedOn)}</>}
            </li>
            {current.evidenceNote && <li>Preuve : {current.evidenceNote}</li>}
          </ul>
        </StaleVersionAlert>
      )}
      {mutation.error && !current && (
        <ActionErrorAlert error={mutation.error} title="Le jalon n'a pas été enregistré" />
      )}
      <form noValidate aria-labelledby={idOf("heading")} onSubmit={submit}>
        <Input
          label="Titre"
          {...fieldState(errors.title)}
          nativeInputProps={{ ...input("title"), maxLength: 200 }}
        />
        <Input
          label="Description (facultative)"
          textArea
          {...fieldState(errors.description)}
          nativeTextAreaProps={{ ...input("description"), rows: 3 }}
        />
        <Input
          label="Échéance"
          {...fieldState(errors.dueOn)}
          nativeInputProps={{ ...input("dueOn"), type: "date" }}
        />
        <Select
          label="Statut"
          hint="« En retard » se déduit de l'échéance : il n'est pas à saisir."
          {...fieldState(errors.status)}
          nativeSelectProps={{ ...input("status") }}
        >
          <LabelOptions labels={MILESTONE_STATUSES} />
        </Select>
        {values.status === "atteint" && (
          <Input
            label="Atteint le"
            {...fieldState(errors.reachedOn)}
            nativeInputProps={{ ...input("reachedOn"), type: "date" }}
          />
        )}
        <Input
          label="Preuve : note (facultative)"
          hintText="Ce qui atteste l'avancement : compte rendu, décision, mise en ligne…"
          textArea
          {...fieldState(errors.evidenceNote)}
          nativeTextAreaProps={{ ...input("evidenceNote"), rows: 2 }}
        />
        <Input
          label="Preuve : lien (facultatif)"
          hintText="Adresse commençant par https://"
          {...fieldState(errors.evidenceUrl)}
          nativeInputProps={{ ...input("evidenceUrl"), type: "url", spellCheck: false }}
        />
        <SubmitOrCancel label="Enregistrer" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
