import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useSession } from "../lib/session";

/**
 * Shown on every page, signed in or not, while the database holds
 * demonstration rows. The flag comes with the session, so that the notice is
 * drawn with the first page instead of pushing it down later.
 */
export function DemoNotice() {
  if (!useSession().demonstration) return null;
  // A labelled region: every piece of content belongs to a landmark (RGAA 9.2).
  return (
    <section aria-label="Avertissement">
      <Notice
        title="Données de démonstration"
        description="Les montants, dates, jalons, météos et commentaires affichés sont fictifs et servent à découvrir l'outil. Les lauréats, porteurs et catégories proviennent de l'annonce officielle de la DITP du 17 février 2022."
      />
    </section>
  );
}
