import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { daysBetween, type FollowUpRow, type PersonRef } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { parisToday, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { FollowUpList, needsAttention } from "../../features/progress/FollowUpList";

interface SponsorGroup {
  sponsor: PersonRef | null;
  rows: FollowUpRow[];
}

/** A laureate covered by several sponsors is listed under each: each of them is to be asked. */
function groupBySponsor(rows: FollowUpRow[]): SponsorGroup[] {
  const groups = new Map<number | null, SponsorGroup>();
  for (const row of rows) {
    for (const sponsor of row.sponsors.length > 0 ? row.sponsors : [null]) {
      const key = sponsor?.id ?? null;
      const group = groups.get(key) ?? { sponsor, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
  }
  // Named sponsors by name, the laureates nobody covers last.
  return [...groups.values()].sort((left, right) =>
    left.sponsor === null
      ? 1
      : right.sponsor === null
        ? -1
        : left.sponsor.displayName.localeCompare(right.sponsor.displayName, "fr"),
  );
}

/** Stale past twice the cadence (or never updated): the officer is alerted about it. */
function isLongOverdue(row: FollowUpRow, today: string, staleAfterDays: number): boolean {
  return row.staleParts.some(
    (stale) =>
      stale.updatedAt === null ||
      daysBetween(parisToday(new Date(stale.updatedAt)), today) > 2 * staleAfterDays,
  );
}

/** The officer's page: stale and late items, by sponsor, and the météo the facts contradict. */
export default function ToChasePage() {
  useDocumentTitle("À relancer");
  const trpc = useTRPC();
  const query = useQuery(trpc.progress.toChase.queryOptions());
  if (query.isPending) return <LoadingState label="Chargement des lauréats à relancer" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { rows, staleAfterDays } = query.data;
  const waiting = rows.filter(needsAttention);
  const diverging = rows.filter((row) => row.health.diverges);
  const today = parisToday();
  return (
    <>
      <h1>À relancer</h1>
      <p>
        {pluralize(waiting.length, "lauréat")} sur {rows.length} : suivi non mis à jour depuis plus de{" "}
        {staleAfterDays} jours, jalon en retard ou météo à vérifier.
      </p>
      {diverging.length > 0 && (
        <section aria-labelledby="meteo-a-verifier" className={fr.cx("fr-mb-4w")}>
          <h2 id="meteo-a-verifier" className={fr.cx("fr-h4")}>
            Météo contredite par les faits
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
      {waiting.length === 0 ? (
        <p>Aucun lauréat à relancer : tous les suivis sont à jour.</p>
      ) : (
        groupBySponsor(waiting).map((group) => (
          <section
            key={group.sponsor?.id ?? "sans-sponsor"}
            aria-labelledby={`sponsor-${String(group.sponsor?.id ?? "aucun")}`}
            className={fr.cx("fr-mb-4w")}
          >
            <h2 id={`sponsor-${String(group.sponsor?.id ?? "aucun")}`} className={fr.cx("fr-h4")}>
              {group.sponsor ? group.sponsor.displayName : "Sans sponsor désigné"}{" "}
              <span className={fr.cx("fr-text--md")}>({pluralize(group.rows.length, "lauréat")})</span>
            </h2>
            {group.rows.some((row) => isLongOverdue(row, today, staleAfterDays)) && (
              <p>
                <Badge as="span" severity="error" small>
                  Sans mise à jour depuis plus de {2 * staleAfterDays} jours
                </Badge>
              </p>
            )}
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
        ))
      )}
    </>
  );
}
