import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";

interface FilterFormProps {
  /** What the form filters, for assistive technologies: "Filtrer les lauréats". */
  label: string;
  /** Lines the fields up on their bottom edge, when some have a hint and others not. */
  alignBottom?: boolean;
  /** What Enter does; filters apply as they change, so by default nothing more. */
  onSubmit?: () => void;
  /** Given while a filter is set: the "Effacer les filtres" button, on its own line. */
  onReset?: () => void;
  children: ReactNode;
}

/** The search landmark above a filtered list: its fields in a grid, and a way to clear them. */
export function FilterForm({ label, alignBottom = false, onSubmit, onReset, children }: FilterFormProps) {
  return (
    <form
      role="search"
      aria-label={label}
      className={fr.cx(
        "fr-grid-row",
        "fr-grid-row--gutters",
        alignBottom && "fr-grid-row--bottom",
        "fr-mb-2w",
      )}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      {children}
      {onReset && (
        <div className={fr.cx("fr-col-12")}>
          <Button priority="tertiary" iconId="fr-icon-close-circle-line" type="button" onClick={onReset}>
            Effacer les filtres
          </Button>
        </div>
      )}
    </form>
  );
}
