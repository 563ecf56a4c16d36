import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FUNDING_MODES, MINISTRIES, type LaureateDetail } from "@defis/domain";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { fieldState } from "../../lib/form-errors";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { ConflictAlert } from "./ConflictAlert";
import { FIELD_IDS, useLaureateEdit } from "./use-laureate-edit";
import { VocabularySelect } from "../../components/VocabularySelect";

const TITLE_ID = "fiche-edition-titre";

interface LaureateEditFormProps {
  laureate: LaureateDetail;
  onSaved: () => void;
  onCancel: () => void;
}

export function LaureateEditForm({ laureate, onSaved, onCancel }: LaureateEditFormProps) {
  const edit = useLaureateEdit(laureate, onSaved);
  const { values, fieldErrors } = edit;
  // Opening the form moves the focus to it, so keyboard and screen reader users land where they act.
  usePendingFocus(TITLE_ID);

  return (
    <form
      noValidate
      aria-labelledby={TITLE_ID}
      className={fr.cx("fr-col-12", "fr-col-lg-8", "fr-mt-2w")}
      onSubmit={(event) => {
        event.preventDefault();
        edit.submit();
      }}
    >
      <h2 id={TITLE_ID} tabIndex={-1} className={fr.cx("fr-h4")}>
        Modifier la fiche
      </h2>
      <p className={fr.cx("fr-text--sm")}>Tous les champs sont obligatoires, sauf les partenaires.</p>
      {edit.conflict && <ConflictAlert error={edit.error} onTakeCurrent={edit.takeCurrent} />}
      <Input
        label="Porteur du projet"
        {...fieldState(fieldErrors.porteur)}
        nativeInputProps={{
          id: FIELD_IDS.porteur,
          value: values.porteur,
          maxLength: 300,
          onChange: (event) => edit.change({ porteur: event.target.value }),
        }}
      />
      <VocabularySelect
        id={FIELD_IDS.ministry}
        label="Ministère de rattachement"
        labels={MINISTRIES}
        value={values.ministry}
        error={fieldErrors.ministry}
        onChange={(ministry) => edit.change({ ministry })}
      />
      <VocabularySelect
        id={FIELD_IDS.fundingMode}
        label="Mode de financement"
        labels={FUNDING_MODES}
        value={values.fundingMode}
        error={fieldErrors.fundingMode}
        onChange={(fundingMode) => edit.change({ fundingMode })}
      />
      <Input
        label="Laboratoires et partenaires"
        hintText="Un partenaire par ligne, 20 au plus."
        textArea
        {...fieldState(fieldErrors.partnerLabs)}
        nativeTextAreaProps={{
          id: FIELD_IDS.partnerLabs,
          rows: 4,
          value: values.partnerLabs,
          onChange: (event) => edit.change({ partnerLabs: event.target.value }),
        }}
      />
      {edit.error !== null && !edit.conflict && (
        <ActionErrorAlert error={edit.error} title="La fiche n'a pas été enregistrée" />
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
