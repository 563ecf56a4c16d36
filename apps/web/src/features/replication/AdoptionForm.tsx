import { fr } from "@codegouvfr/react-dsfr";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  DEPARTEMENTS,
  recordAdoptionSchema,
  REGIONS,
  regionOfDepartement,
  updateAdoptionSchema,
  type AdoptionItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { parisToday } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { fieldState } from "../../lib/form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { isConflict, TextField, useRefreshReplication } from "./replication-form";
import { useFormErrors } from "../../lib/use-form-errors";
import { LabelOptions } from "../../components/LabelOptions";

const FIELDS = ["organisation", "regionCode", "departementCode", "identifiedOn", "contact", "notes"] as const;

interface Values {
  organisation: string;
  regionCode: string;
  departementCode: string;
  identifiedOn: string;
  contact: string;
  notes: string;
}

interface AdoptionFormProps {
  slug: string;
  /** The adoption to edit; a new one otherwise. */
  adoption?: AdoptionItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DEPARTEMENT_OPTIONS = Object.entries(DEPARTEMENTS).map(([code, departement]) => ({
  code,
  label: `${departement.name} (${code})`,
  region: departement.region,
}));

/** Records an administration or territory that takes up the solution, or corrects one. */
export function AdoptionForm({ slug, adoption, onDone, onCancel }: AdoptionFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReplication();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const { errors, check, fromServer } = useFormErrors({ fields: FIELDS, idOf });
  const [values, setValues] = useState<Values>({
    organisation: adoption?.organisation ?? "",
    regionCode: adoption?.regionCode ?? "",
    departementCode: adoption?.departementCode ?? "",
    identifiedOn: adoption?.identifiedOn ?? parisToday(),
    contact: adoption?.contact ?? "",
    notes: adoption?.notes ?? "",
  });
  const onError = (error: unknown) => {
    if (isConflict(error)) void refresh();
    fromServer(error);
  };
  const create = useMutation(
    trpc.replication.recordAdoption.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Adoption par « ${values.organisation.trim()} » enregistrée à l'étape « Identifiée ».`);
      },
      onError,
    }),
  );
  const edit = useMutation(
    trpc.replication.updateAdoption.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Adoption par « ${values.organisation.trim()} » modifiée.`);
      },
      onError,
    }),
  );
  const mutation = adoption ? edit : create;
  const change = (field: keyof Values, value: string) =>
    setValues((before) => ({ ...before, [field]: value }));

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const common = {
      laureateSlug: slug,
      organisation: values.organisation,
      regionCode: values.regionCode,
      departementCode: values.departementCode === "" ? null : values.departementCode,
      contact: values.contact,
      notes: values.notes,
    };
    mutation.reset();
    if (adoption) {
      const input = check(
        updateAdoptionSchema.safeParse({ ...common, adoptionId: adoption.id, version: adoption.version }),
      );
      if (input) edit.mutate(input);
    } else {
      const input = check(recordAdoptionSchema.safeParse({ ...common, identifiedOn: values.identifiedOn }));
      if (input) create.mutate(input);
    }
  }

  const headingId = idOf("titre");
  const departements = DEPARTEMENT_OPTIONS.filter(
    (option) => values.regionCode === "" || option.region === values.regionCode,
  );
  return (
    <Panel headingId={headingId} title={adoption ? "Modifier l'adoption" : "Enregistrer une adoption"}>
      {mutation.error && (
        <ActionErrorAlert
          error={mutation.error}
          title={
            isConflict(mutation.error)
              ? "L'adoption a été modifiée entre-temps : rouvrez-la pour repartir des valeurs actuelles"
              : "L'adoption n'a pas été enregistrée"
          }
        />
      )}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <TextField
          id={idOf("organisation")}
          label="Administration ou collectivité"
          hint="Par exemple : préfecture, conseil départemental, commune, établissement public."
          value={values.organisation}
          error={errors.organisation}
          maxLength={200}
          onChange={(value) => change("organisation", value)}
        />
        <Select
          label="Région"
          {...fieldState(errors.regionCode)}
          nativeSelectProps={{
            id: idOf("regionCode"),
            value: values.regionCode,
            onChange: (event) => {
              const regionCode = event.target.value;
              setValues((before) => ({
                ...before,
                regionCode,
                // A département of another région no longer applies.
                departementCode:
                  before.departementCode !== "" && regionOfDepartement(before.departementCode) !== regionCode
                    ? ""
                    : before.departementCode,
              }));
            },
          }}
        >
          <option value="" disabled>
            Choisir une région
          </option>
          <LabelOptions labels={REGIONS} />
        </Select>
        <Select
          label="Département (facultatif)"
          {...fieldState(errors.departementCode)}
          nativeSelectProps={{
            id: idOf("departementCode"),
            value: values.departementCode,
            onChange: (event) => change("departementCode", event.target.value),
          }}
        >
          <option value="">Toute la région</option>
          {departements.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </Select>
        {!adoption && (
          <TextField
            id={idOf("identifiedOn")}
            label="Date d'identification"
            type="date"
            value={values.identifiedOn}
            error={errors.identifiedOn}
            onChange={(value) => change("identifiedOn", value)}
          />
        )}
        <TextField
          id={idOf("contact")}
          label="Contact (facultatif)"
          hint="Service ou fonction de la personne à joindre."
          value={values.contact}
          error={errors.contact}
          maxLength={200}
          onChange={(value) => change("contact", value)}
        />
        <TextField
          id={idOf("notes")}
          label="Notes (facultatif)"
          multiline
          value={values.notes}
          error={errors.notes}
          maxLength={2000}
          onChange={(value) => change("notes", value)}
        />
        <p className={fr.cx("fr-text--xs")}>Tous les champs sont obligatoires sauf mention contraire.</p>
        <SubmitOrCancel label="Enregistrer l'adoption" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
