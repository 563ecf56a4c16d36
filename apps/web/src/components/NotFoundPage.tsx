import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useDocumentTitle } from "../lib/use-document-title";
import { ROUTES } from "../routes";

export default function NotFoundPage({ message }: { message?: string }) {
  useDocumentTitle("Page introuvable");
  return (
    <div className={fr.cx("fr-my-7w")}>
      <h1>Page introuvable</h1>
      <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>Erreur 404</p>
      <p className={fr.cx("fr-text--lead")}>
        {message ?? "La page que vous cherchez n'existe pas ou a été déplacée."}
      </p>
      <p>Si vous avez saisi l'adresse, vérifiez-la ; sinon, repartez du portefeuille.</p>
      <Link className={fr.cx("fr-btn")} to={ROUTES.home}>
        Retour au portefeuille
      </Link>
    </div>
  );
}
