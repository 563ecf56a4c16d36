import { fr } from "@codegouvfr/react-dsfr";
import type { SessionUser } from "@defis/domain";
import { ROLES } from "@defis/domain/roles";

/**
 * Who is signed in, as plain text among the header's quick access items:
 * information, not an action, so neither a link nor a button.
 */
export function HeaderPerson({ user, id }: { user: SessionUser; id?: string }) {
  return (
    <p id={id} className="defis-header-person">
      <span className={fr.cx("fr-icon-account-circle-line", "fr-icon--sm", "fr-mr-1w")} aria-hidden="true" />
      {user.displayName} — {ROLES[user.role]}
    </p>
  );
}
