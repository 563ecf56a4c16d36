import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  daysLate,
  isStale,
  scopeCovers,
  SPONSOR_PARTS,
  type FollowUpRow,
  type ScopeEntry,
} from "@defis/domain";
import { and, asc, eq } from "drizzle-orm";
import { parisDay } from "../paris-day.js";
import { scopeColumn } from "../users/scope-column.js";
import { healthSummaryOf, loadFollowUpFacts, loadStaleAfterDays } from "./follow-up-facts.js";
import { LAUREATE_IDENTITY_COLUMNS } from "../laureates/laureate-columns.js";

const { laureates, users } = schema;

/** Active sponsors and their scopes, to say who is asked to update what. */
async function loadSponsors(db: Executor) {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email, scope: scopeColumn })
    .from(users)
    .where(and(eq(users.role, "sponsor"), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}
export type SponsorWithScope = Awaited<ReturnType<typeof loadSponsors>>[number];

/**
 * Each laureate (of `scope` when given) with what needs updating, its health
 * beside its declared météo, and the sponsors whose scope covers it. A fixed
 * number of queries, whatever the number of laureates.
 */
export async function listFollowUp(
  db: Executor,
  today: string,
  scope: readonly ScopeEntry[] | null = null,
): Promise<{ rows: FollowUpRow[]; staleAfterDays: number; sponsors: SponsorWithScope[] }> {
  // One after the other: the weekly reminders call this inside a transaction (one connection).
  const all = await db.select(LAUREATE_IDENTITY_COLUMNS).from(laureates).orderBy(asc(laureates.position));
  const staleAfterDays = await loadStaleAfterDays(db);
  const sponsors = await loadSponsors(db);
  const chosen = scope === null ? all : all.filter((laureate) => scopeCovers(scope, laureate));
  const factsById = await loadFollowUpFacts(
    db,
    chosen.map((laureate) => laureate.id),
    today,
  );
  const rows = chosen.map((laureate): FollowUpRow => {
    const facts = factsById.get(laureate.id);
    if (!facts) throw new Error("Faits de suivi introuvables.");
    return {
      laureateSlug: laureate.slug,
      title: laureate.title,
      porteur: laureate.porteur,
      ministry: laureate.ministry,
      staleParts: SPONSOR_PARTS.flatMap((part) => {
        const entry = facts.freshness[part];
        return isStale(entry ? parisDay(entry.updatedAt) : null, today, staleAfterDays)
          ? [{ part, updatedAt: entry?.updatedAt ?? null }]
          : [];
      }),
      lateMilestones: facts.health.milestones.flatMap((milestone) => {
        const late = daysLate(milestone, today);
        return late > 0
          ? [{ id: milestone.id, title: milestone.title, dueOn: milestone.dueOn, daysLate: late }]
          : [];
      }),
      lateIndicators: [...facts.health.lateIndicators],
      health: healthSummaryOf(facts, today, staleAfterDays),
      sponsors: sponsors
        .filter((sponsor) => scopeCovers(sponsor.scope, laureate))
        .map((sponsor) => ({ id: sponsor.id, displayName: sponsor.displayName })),
    };
  });
  return { rows, staleAfterDays, sponsors };
}
