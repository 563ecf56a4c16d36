import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useQuery } from "@tanstack/react-query";
import { useAuthOptions, useSession } from "../lib/session";
import { useTRPC } from "../lib/trpc";

/**
 * Shown on every page while the database holds demonstration rows. Signed in,
 * the programme says so; anonymous, the public sign-in options do (the
 * programme is not readable before signing in).
 */
export function DemoNotice() {
  const trpc = useTRPC();
  const session = useSession();
  const signedIn = session.user !== null;
  const anonymous = !session.isPending && !signedIn;
  const overview = useQuery({ ...trpc.programme.overview.queryOptions(), enabled: signedIn });
  const options = useAuthOptions({ enabled: anonymous });
  const demonstration = signedIn
    ? overview.data?.demonstration === true
    : anonymous && (options.data?.demoAccounts.length ?? 0) > 0;
  if (!demonstration) return null;
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
