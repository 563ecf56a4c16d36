import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";

/** Removes one line of a list being edited; `line` names it for screen readers ("la tranche prévue 2"). */
export function RemoveLineButton({ line, onRemove }: { line: string; onRemove: () => void }) {
  return (
    <Button
      type="button"
      priority="tertiary"
      size="small"
      iconId="fr-icon-delete-line"
      className={fr.cx("fr-mb-3w")}
      onClick={onRemove}
    >
      Retirer <span className={fr.cx("fr-sr-only")}>{line}</span>
    </Button>
  );
}
