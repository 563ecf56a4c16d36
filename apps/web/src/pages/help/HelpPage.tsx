import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ROLES } from "@defis/domain/roles";
import { useLocation } from "react-router";
import { useDocumentTitle } from "../../lib/use-document-title";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { GLOSSARY } from "./help-glossary";
import { ROLE_GUIDES } from "./help-roles";

/**
 * "Aide": per role, what to do first and the usual journeys, and the glossary
 * with the rules of computation. Public like the legal pages, printable.
 * A "?" link arrives on its term (/aide#fraicheur): the term takes the focus.
 */
export default function HelpPage() {
  useDocumentTitle("Aide");
  const { hash } = useLocation();
  usePendingFocus(hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null);
  return (
    <article className={fr.cx("fr-my-6w")}>
      <h1>Aide</h1>
      <p className={fr.cx("fr-text--lead")}>
        Défis suit l'appel à défis « Co-construire avec les usagers et les agents » de la DITP : l'argent de
        chaque lauréat, l'avancement de son projet et sa reprise ailleurs. Cette page dit, pour chaque rôle,
        par quoi commencer, et ce que veut dire chaque terme de l'application.
      </p>
      <Button
        className={`${fr.cx("fr-mb-4w")} defis-no-print`}
        priority="secondary"
        type="button"
        onClick={() => window.print()}
      >
        Imprimer l'aide
      </Button>

      <nav aria-labelledby="aide-sommaire" className={`${fr.cx("fr-summary", "fr-mb-6w")} defis-no-print`}>
        <h2 id="aide-sommaire" className={fr.cx("fr-summary__title")}>
          Sommaire
        </h2>
        <ol>
          {ROLE_GUIDES.map((guide) => (
            <li key={guide.role}>
              <a className={fr.cx("fr-summary__link")} href={`#role-${guide.role}`}>
                Premiers pas : {ROLES[guide.role]}
              </a>
            </li>
          ))}
          {GLOSSARY.map((group) => (
            <li key={group.id}>
              <a className={fr.cx("fr-summary__link")} href={`#${group.id}`}>
                Glossaire : {group.title.toLowerCase()}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <h2>Premiers pas, selon votre rôle</h2>
      {ROLE_GUIDES.map((guide) => (
        <section key={guide.role} aria-labelledby={`role-${guide.role}`} className={fr.cx("fr-mb-4w")}>
          <h3 id={`role-${guide.role}`} tabIndex={-1}>
            {ROLES[guide.role]}
          </h3>
          <h4 className={fr.cx("fr-h6")}>Par quoi commencer</h4>
          <ol>
            {guide.firstSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h4 className={fr.cx("fr-h6")}>Ce que vous ferez ensuite</h4>
          <ul>
            {guide.journeys.map((journey) => (
              <li key={journey}>{journey}</li>
            ))}
          </ul>
        </section>
      ))}

      <h2>Glossaire et règles de calcul</h2>
      {GLOSSARY.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className={fr.cx("fr-mb-4w")}>
          <h3 id={group.id} tabIndex={-1}>
            {group.title}
          </h3>
          <dl>
            {group.entries.map((entry) => (
              <div key={entry.id} className={fr.cx("fr-mb-2w")}>
                <dt id={entry.id} tabIndex={-1} className={fr.cx("fr-text--bold")}>
                  {entry.term}
                </dt>
                <dd className={fr.cx("fr-ml-0")}>{entry.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}
