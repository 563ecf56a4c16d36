import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  FUNDING_MODES,
  MINISTRIES,
  type FundingModeKey,
  type LaureateDetail,
  type MinistryKey,
} from "@defis/domain";
import { useEffect, useRef } from "react";
import { describeError } from "../../lib/trpc";
import { ConflictAlert } from "./ConflictAlert";
import { useLaureateEdit, type EditField, type EditFieldErrors } from "./use-laureate-edit";

const FIELD_IDS: Record<EditField, string> = {
  porteur: "fiche-porteur",
  ministry: "fiche-ministere",
  fundingMode: "fiche-mode-financement",
  partnerLabs: "fiche-partenaires",
};

function stateOf(errors: EditFieldErrors, field: EditField) {
  return errors[field]
    ? { state: "error" as const, stateRelatedMessage: errors[field] }
    : { state: "default" as const };
}

function ErrorMessage({ error }: { error: unknown }) {
  const { message, requestId } = describeError(error);
  return (
    <>
      {message}
      {requestId && <> (référence : {requestId})</>}
    </>
  );
}

interface LaureateEditFormProps {
  laureate: LaureateDetail;
  onSaved: () => void;
  onCancel: () => void;
}

export function LaureateEditForm({ laureate, onSaved, onCancel }: LaureateEditFormProps) {
  const edit = useLaureateEdit(laureate, onSaved);
  const { values, fieldErrors } = edit;
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opening the form moves the focus to it, so keyboard and screen reader users land where they act.
  useEffect(() => titleRef.current?.focus(), []);

  const submit = () => {
    const errors = edit.submit();
    // The person fixes the first wrong field first.
    const first = (Object.keys(FIELD_IDS) as EditField[]).find((field) => errors[field]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
  };

  return (
    <form
      noValidate
      aria-labelledby="fiche-edition-titre"
      className={fr.cx("fr-col-12", "fr-col-lg-8", "fr-mt-2w")}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="fiche-edition-titre" ref={titleRef} tabIndex={-1} className={fr.cx("fr-h4")}>
        Modifier la fiche
      </h2>
      <p className={fr.cx("fr-text--sm")}>Tous les champs sont obligatoires, sauf les partenaires.</p>
      {edit.conflict && <ConflictAlert error={edit.error} onTakeCurrent={edit.takeCurrent} />}
      <Input
        label="Porteur du projet"
        {...stateOf(fieldErrors, "porteur")}
        nativeInputProps={{
          id: FIELD_IDS.porteur,
          value: values.porteur,
          maxLength: 300,
          onChange: (event) => edit.change({ porteur: event.target.value }),
        }}
      />
      <Select
        label="Ministère de rattachement"
        {...stateOf(fieldErrors, "ministry")}
        nativeSelectProps={{
          id: FIELD_IDS.ministry,
          value: values.ministry,
          onChange: (event) => edit.change({ ministry: event.target.value as MinistryKey }),
        }}
      >
        {Object.entries(MINISTRIES).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        label="Mode de financement"
        {...stateOf(fieldErrors, "fundingMode")}
        nativeSelectProps={{
          id: FIELD_IDS.fundingMode,
          value: values.fundingMode,
          onChange: (event) => edit.change({ fundingMode: event.target.value as FundingModeKey }),
        }}
      >
        {Object.entries(FUNDING_MODES).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        label="Laboratoires et partenaires"
        hintText="Un partenaire par ligne, 20 au plus."
        textArea
        {...stateOf(fieldErrors, "partnerLabs")}
        nativeTextAreaProps={{
          id: FIELD_IDS.partnerLabs,
          rows: 4,
          value: values.partnerLabs,
          onChange: (event) => edit.change({ partnerLabs: event.target.value }),
        }}
      />
      {edit.error !== null && !edit.conflict && (
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="error"
          as="h3"
          title="La fiche n'a pas été enregistrée"
          description={<ErrorMessage error={edit.error} />}
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button type="submit" disabled={edit.saving}>
            {edit.saving ? "Enregistrement…" : "Enregistrer"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel} disabled={edit.saving}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
