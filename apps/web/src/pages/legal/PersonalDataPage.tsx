import { LegalPage } from "./LegalPage";

export default function PersonalDataPage() {
  return (
    <LegalPage title="Données personnelles">
      <h2>Responsable du traitement</h2>
      <p>La Direction interministérielle de la transformation publique (DITP).</p>

      <h2>Finalité</h2>
      <p>
        Défis permet à la DITP et aux ministères de suivre l'avancement et le financement des projets lauréats
        de l'appel à défis. Les données personnelles traitées servent uniquement à ce suivi : identifier les
        personnes qui consultent et mettent à jour les informations, et tracer qui a modifié quoi et quand.
      </p>

      <h2>Données traitées</h2>
      <ul>
        <li>
          Pour les agents disposant d'un compte : nom, adresse électronique professionnelle, rôle et
          périmètre.
        </li>
        <li>Le journal des modifications : auteur, date et valeurs modifiées.</li>
        <li>
          Les journaux techniques du serveur : date, adresse demandée et code de réponse, sans mot de passe,
          cookie ni identifiant de session.
        </li>
      </ul>

      <h2>Base légale</h2>
      <p>
        Le traitement est nécessaire à l'exécution d'une mission d'intérêt public (article 6.1.e du règlement
        général sur la protection des données).
      </p>

      <h2>Durée de conservation</h2>
      <p>
        Les comptes sont conservés tant que l'agent intervient sur le programme. Le journal des modifications
        est conservé pendant la durée du programme et de son contrôle. Les tentatives de connexion (adresse
        électronique et adresse IP) sont effacées au bout de 90 jours ; une session l'est dès qu'elle prend
        fin (déconnexion, 12 heures après la connexion au plus tard).
      </p>

      <h2>Cookies</h2>
      <p>
        Défis n'utilise aucun cookie de mesure d'audience ni de publicité. Seul le cookie de session,
        strictement nécessaire à la connexion, peut être déposé ; il est exempté de consentement. La
        préférence d'affichage (thème clair ou sombre) reste dans votre navigateur.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous disposez d'un droit d'accès, de rectification et de limitation de vos données. Pour les exercer,
        contactez le délégué à la protection des données des services du Premier ministre. Si vous estimez,
        après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation
        à la CNIL.
      </p>
    </LegalPage>
  );
}
