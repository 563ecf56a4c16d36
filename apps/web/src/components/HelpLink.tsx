import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { ROUTES, type HelpTerm } from "../routes";

/**
 * The contextual "?" beside a term: it opens the term in the Aide page's
 * glossary. Its accessible name is the question it answers, not "?".
 */
export function HelpLink({ term, children }: { term: HelpTerm; children: string }) {
  return (
    <Link
      to={ROUTES.helpTerm(term)}
      className={fr.cx("fr-link", "fr-text--sm", "fr-ml-1v")}
      title={children}
      data-help-link
    >
      <span aria-hidden="true">(?)</span>
      <span className={fr.cx("fr-sr-only")}>{children}</span>
    </Link>
  );
}
