import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";

interface PanelProps {
  headingId: string;
  title: string;
  /**
   * The heading's level, h3 inside a page's section by default; h2 where the
   * panel is a page's own part, h4 inside a subsection.
   */
  headingLevel?: 2 | 3 | 4;
  /** The heading's look; `fr-h5` for an h3 and `fr-h6` for an h4 by default, the level's own look for an h2. */
  headingClassName?: "fr-h4" | "fr-h5" | "fr-h6";
  children: ReactNode;
}

const DEFAULT_LOOK = { 2: undefined, 3: "fr-h5", 4: "fr-h6" } as const;

/** An action's frame: a labelled region whose heading takes the focus when it opens or changes step. */
export function Panel({ headingId, title, headingLevel = 3, headingClassName, children }: PanelProps) {
  const Heading = `h${String(headingLevel)}` as "h2" | "h3" | "h4";
  const className = headingClassName ?? DEFAULT_LOOK[headingLevel];
  return (
    <section
      aria-labelledby={headingId}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}` }}
    >
      <Heading
        id={headingId}
        tabIndex={-1}
        className={className === undefined ? undefined : fr.cx(className)}
      >
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** While a mutation runs: said once, politely. */
export function SavingStatus({ saving }: { saving: boolean }) {
  return (
    <p role="status" className={fr.cx("fr-text--sm", "fr-mb-0")}>
      {saving ? "Enregistrement en cours…" : ""}
    </p>
  );
}

/** A form's two buttons (its action, "Annuler"), both held while it saves, and the saving status. */
export function SubmitOrCancel({
  label,
  pending,
  onCancel,
  cancelLabel = "Annuler",
  cancelPriority = "secondary",
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  cancelPriority?: "secondary" | "tertiary";
}) {
  return (
    <>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button type="submit" disabled={pending}>
            {label}
          </Button>
        </li>
        <li>
          <Button type="button" priority={cancelPriority} disabled={pending} onClick={onCancel}>
            {cancelLabel}
          </Button>
        </li>
      </ul>
      <SavingStatus saving={pending} />
    </>
  );
}
