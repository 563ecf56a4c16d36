import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { daysBetween, needsAttention, type FollowUpRow, type SponsorContact } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { HelpLink } from "../../components/HelpLink";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { parisToday, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { ROUTES } from "../../routes";
import { FollowUpList } from "../../features/progress/FollowUpList";
import { AssignSponsor } from "./AssignSponsor";
import { SponsorChase } from "./SponsorChase";

interface SponsorGroup {
  sponsor: SponsorContact;
  rows: FollowUpRow[];
}

/** A laureate covered by several sponsors is listed under each: each of them is to be asked. */
function groupBySponsor(waiting: FollowUpRow[], sponsors: SponsorContact[]): SponsorGroup[] {
  return sponsors
    .map((sponsor) => ({
      sponsor,
      rows: waiting.filter((row) => row.sponsors.some((person) => person.id === sponsor.id)),
    }))
    .filter((group) => group.rows.length > 0)
    .sort((left, right) => left.sponsor.displayName.localeCompare(right.sponsor.displayName, "fr"));
}

/** Stale past twice the cadence (or never updated): the officer is alerted about it. */
function isLongOverdue(row: FollowUpRow, today: string, staleAfterDays: number): boolean {
  return row.staleParts.some(
    (stale) =>
      stale.updatedAt === null ||
      daysBetween(parisToday(new Date(stale.updatedAt)), today) > 2 * staleAfterDays,
  );
}

const NOTICE_ID = "a-relancer-avis";

/** The officer's page: who is late, by sponsor, reminded in one action; laureates without sponsor given one. */
export default function ToChasePage() {
  useDocumentTitle("À relancer");
  const trpc = useTRPC();
  const focus = usePendingFocus();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(trpc.progress.toChase.queryOptions());
  if (query.isPending) return <LoadingState label="Chargement des lauréats à relancer" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { rows, staleAfterDays, sponsors, deliveryConfigured } = query.data;
  const waiting = rows.filter(needsAttention);
  const diverging = rows.filter((row) => row.health.diverges);
  const orphans = rows.filter((row) => row.sponsors.length === 0);
  const today = parisToday();
  return (
    <>
      <h1>À relancer</h1>
      <p>
        {pluralize(waiting.length, "lauréat")} sur {rows.length} : suivi non mis à jour depuis plus de{" "}
        {staleAfterDays} jours, jalon en retard, indicateur à mettre à jour ou météo à vérifier{" "}
        <HelpLink term="fraicheur">Comment la fraîcheur est-elle calculée ?</HelpLink>
      </p>
      {notice && (
        <div id={NOTICE_ID} tabIndex={-1}>
          <Alert
            className={fr.cx("fr-mb-3w")}
            severity="success"
            small
            closable
            onClose={() => setNotice(null)}
            description={notice}
          />
        </div>
      )}
      {diverging.length > 0 && (
        <section aria-labelledby="meteo-a-verifier" className={fr.cx("fr-mb-4w")}>
          <h2 id="meteo-a-verifier" className={fr.cx("fr-h4")}>
            Météo à vérifier <HelpLink term="meteo-a-verifier">Qu'est-ce qu'une météo à vérifier ?</HelpLink>
          </h2>
          <ul>
            {diverging.map((row) => (
              <li key={row.laureateSlug}>
                <Link to={ROUTES.laureateProgress(row.laureateSlug)}>{row.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {waiting.length === 0 && <p>Aucun lauréat à relancer : tous les suivis sont à jour.</p>}
      {groupBySponsor(waiting, sponsors).map((group) => (
        <section
          key={group.sponsor.id}
          aria-labelledby={`sponsor-${String(group.sponsor.id)}`}
          className={fr.cx("fr-mb-4w")}
        >
          <h2 id={`sponsor-${String(group.sponsor.id)}`} className={fr.cx("fr-h4")}>
            {group.sponsor.displayName}{" "}
            <span className={fr.cx("fr-text--md")}>({pluralize(group.rows.length, "lauréat")})</span>
          </h2>
          {group.rows.some((row) => isLongOverdue(row, today, staleAfterDays)) && (
            <p>
              <Badge as="span" severity="error" small>
                Sans mise à jour depuis plus de {2 * staleAfterDays} jours
              </Badge>
            </p>
          )}
          <SponsorChase
            sponsor={group.sponsor}
            rows={rows}
            waiting={group.rows}
            deliveryConfigured={deliveryConfigured}
          />
          <FollowUpList
            rows={group.rows}
            headingLevel="h3"
            actionFor={(row) => (
              <Link
                className={fr.cx("fr-link", "fr-text--sm")}
                to={ROUTES.laureateProgress(row.laureateSlug)}
              >
                Voir le suivi <span className={fr.cx("fr-sr-only")}>de « {row.title} »</span>
              </Link>
            )}
          />
        </section>
      ))}
      {orphans.length > 0 && (
        <section aria-labelledby="sans-sponsor" className={fr.cx("fr-mb-4w")}>
          <h2 id="sans-sponsor" className={fr.cx("fr-h4")}>
            Sans sponsor désigné{" "}
            <span className={fr.cx("fr-text--md")}>({pluralize(orphans.length, "lauréat")})</span>
          </h2>
          <p>
            Personne ne reçoit de rappel pour ces lauréats : désignez un sponsor parmi les comptes existants.
          </p>
          <FollowUpList
            rows={orphans}
            headingLevel="h3"
            actionFor={(row) => (
              <AssignSponsor
                row={row}
                sponsors={sponsors}
                onAssigned={(message) => {
                  setNotice(message);
                  focus(NOTICE_ID);
                }}
              />
            )}
          />
        </section>
      )}
    </>
  );
}
