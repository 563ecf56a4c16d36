import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { needsAttention } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { HelpLink } from "../../components/HelpLink";
import { pluralize } from "../../lib/format";
import { useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { FollowUpList } from "../../features/progress/FollowUpList";

/** A sponsor's home: the laureates of their scope, what needs updating first, and the guided update. */
export default function MyProjectsPage() {
  useDocumentTitle("Mes projets");
  const trpc = useTRPC();
  const query = useQuery(trpc.progress.myProjects.queryOptions());
  const isSponsor = useSession().user?.role === "sponsor";
  if (query.isPending) return <LoadingState label="Chargement de vos projets" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { rows, staleAfterDays } = query.data;
  // What needs updating comes first; within each group, the announcement's order.
  const ordered = [...rows.filter(needsAttention), ...rows.filter((row) => !needsAttention(row))];
  const waiting = rows.filter(needsAttention).length;
  return (
    <>
      <h1>Mes projets</h1>
      <p>
        {isSponsor
          ? `Votre périmètre compte ${pluralize(rows.length, "lauréat")}.`
          : `Le portefeuille compte ${pluralize(rows.length, "lauréat")}.`}{" "}
        {waiting === 0
          ? "Tout est à jour."
          : `${pluralize(waiting, "lauréat demande", "lauréats demandent")} une mise à jour : météo et jalons sont à revoir au moins tous les ${String(staleAfterDays)} jours, chaque indicateur à la fréquence de ses mesures.`}
        <HelpLink term="fraicheur">Quand un projet est-il à mettre à jour ?</HelpLink>
      </p>
      {rows.length === 0 ? (
        <p>Aucun lauréat n'est rattaché à votre périmètre : demandez à un administrateur de le compléter.</p>
      ) : (
        <FollowUpList
          rows={ordered}
          headingLevel="h2"
          actionFor={(row) => (
            <Button
              size="small"
              priority={needsAttention(row) ? "primary" : "secondary"}
              linkProps={{ to: ROUTES.guidedUpdate(row.laureateSlug) }}
            >
              Mettre à jour <span className={fr.cx("fr-sr-only")}>« {row.title} »</span>
            </Button>
          )}
        />
      )}
      <p className={fr.cx("fr-text--sm", "fr-mt-3w")}>
        La mise à jour guidée enregistre en une fois la météo du mois, l'état des jalons et vos commentaires.
      </p>
    </>
  );
}
