import { LegalPage } from "./LegalPage";

export default function LegalNoticePage() {
  return (
    <LegalPage title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        Direction interministérielle de la transformation publique (DITP), services du Premier ministre. Défis
        est l'outil de suivi de l'appel à défis « Co-construire avec les usagers et les agents », financé
        principalement par France Relance.
      </p>

      <h2>Directeur de la publication</h2>
      <p>Le directeur interministériel de la transformation publique.</p>

      <h2>Hébergement</h2>
      <p>
        L'hébergeur est désigné au moment du déploiement de l'instance ; ses coordonnées sont indiquées ici
        par l'équipe qui l'exploite.
      </p>

      <h2>Sources des informations</h2>
      <p>
        Les lauréats, leurs porteurs et leurs catégories proviennent de l'annonce « Co-construire avec les
        usagers et les agents : une enveloppe de 3 millions pour soutenir 27 projets » publiée par la Mission
        « Innovation publique » le 17 février 2022. Les descriptions des projets en sont des résumés. Les
        montants, dates et jalons sont saisis par les agents habilités ; lorsque l'instance contient des
        données de démonstration, un bandeau le signale sur chaque page.
      </p>

      <h2>Propriété intellectuelle</h2>
      <p>
        Le code source de Défis est ouvert. La marque de l'État et le Système de design de l'État sont
        réservés aux sites de l'État.
      </p>

      <h2>Accessibilité</h2>
      <p>L'état de conformité est détaillé dans la déclaration d'accessibilité.</p>
    </LegalPage>
  );
}
