import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc";

/** Shown on every page while the database holds demonstration rows. */
export function DemoNotice() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.programme.overview.queryOptions());
  if (!data?.demonstration) return null;
  // A labelled region: every piece of content belongs to a landmark (RGAA 9.2).
  return (
    <section aria-label="Avertissement">
      <Notice
        title="Données de démonstration"
        description="Les montants et les dates affichés sont fictifs et servent à découvrir l'outil. Les lauréats, porteurs et catégories proviennent de l'annonce officielle de la DITP du 17 février 2022."
      />
    </section>
  );
}
