import { Link } from "react-router";
import { ROUTES } from "../../routes";
import { LegalPage } from "./LegalPage";

export default function AccessibilityPage() {
  return (
    <LegalPage title="Déclaration d'accessibilité">
      <p>
        La Direction interministérielle de la transformation publique (DITP) s'engage à rendre ses services
        numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>
        Cette déclaration d'accessibilité s'applique à Défis, l'outil de suivi du portefeuille de l'appel à
        défis.
      </p>

      <h2>État de conformité</h2>
      <p>
        Défis est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité
        (RGAA), version 4.1 : aucun audit de conformité n'a encore été réalisé, et le RGAA demande de déclarer
        un service non audité comme non conforme.
      </p>

      <h2>Ce qui est vérifié à chaque version</h2>
      <ul>
        <li>
          Chaque page est analysée automatiquement dans un navigateur réel (règles WCAG 2 niveaux A et AA et
          règles RGAA de l'outil axe-core), en thème clair et en thème sombre ; une version qui présente une
          anomalie n'est pas publiée.
        </li>
        <li>L'interface utilise le Système de design de l'État (DSFR).</li>
        <li>Chaque graphique est accompagné d'un tableau de données équivalent.</li>
      </ul>
      <p>
        Les vérifications automatiques ne couvrent qu'une partie des critères du RGAA : un audit complet reste
        à conduire, et ses résultats seront publiés sur cette page.
      </p>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 25 novembre 2026.</p>
      <p>Technologies utilisées : HTML5, CSS, JavaScript (React), WAI-ARIA.</p>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'équipe de la DITP
        responsable de l'appel à défis pour être orienté vers une alternative accessible ou obtenir le contenu
        sous une autre forme.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une
        fonctionnalité du service, que vous nous l'avez signalé et que vous n'avez pas obtenu de réponse
        satisfaisante, vous êtes en droit de saisir le Défenseur des droits : par son formulaire en ligne, en
        contactant un de ses délégués dans votre région, ou par courrier (gratuit, sans affranchissement) à
        l'adresse : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
      <p>
        Voir aussi les <Link to={ROUTES.legalNotice}>mentions légales</Link>.
      </p>
    </LegalPage>
  );
}
