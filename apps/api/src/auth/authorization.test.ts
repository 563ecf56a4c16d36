import { recordPaymentOutsideSchedule, schema, type DatabaseHandle } from "@defis/db";
import { randomUUID } from "node:crypto";
import { addDays, describeAuditChanges, type SessionUser } from "@defis/domain";
import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { aFollowedIndicator, anIndicator } from "../impact/impact-fixtures.js";
import { parisDay } from "../paris-day.js";
import { appRouter } from "../router.js";
import {
  callerFor,
  contextFor,
  createTestDatabase,
  DEMO_EMAILS,
  sessionUserOf,
} from "../testing/test-app.js";
import { createCallerFactory, procedureWithPolicy, router } from "../trpc.js";

type Who = "anonyme" | "administrateur" | "charge_mission" | "sponsor" | "direction";
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN";

interface MutationCase {
  path: string;
  call: (caller: ReturnType<typeof callerFor>, database: DatabaseHandle, run: number) => Promise<unknown>;
  expected: Record<Who, Outcome>;
}

/** At run time the router keeps its procedures flat, by dotted path. */
function routerProcedures() {
  const flat = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; meta?: { policy?: unknown } } }
  >;
  return Object.entries(flat);
}

const moneyRoles: Record<Who, Outcome> = {
  anonyme: "UNAUTHORIZED",
  administrateur: "ok",
  charge_mission: "ok",
  sponsor: "FORBIDDEN",
  direction: "FORBIDDEN",
};

const adminOnly: Record<Who, Outcome> = {
  anonyme: "UNAUTHORIZED",
  administrateur: "ok",
  charge_mission: "FORBIDDEN",
  sponsor: "FORBIDDEN",
  direction: "FORBIDDEN",
};

async function userIdOf(database: DatabaseHandle, email: string): Promise<number> {
  const [user] = await database.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!user) throw new Error(email);
  return user.id;
}

async function laureateVersion(database: DatabaseHandle, slug: string): Promise<number> {
  const [row] = await database.db
    .select({ version: schema.laureates.version })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, slug));
  return row?.version ?? 0;
}

async function allocatedTo(database: DatabaseHandle, slug: string): Promise<number> {
  const [row] = await database.db
    .select({ amount: schema.allocations.amountCents })
    .from(schema.allocations)
    .innerJoin(schema.laureates, eq(schema.laureates.id, schema.allocations.laureateId))
    .where(eq(schema.laureates.slug, slug));
  return row?.amount ?? 0;
}

/** A laureate with an allocation and no schedule: its whole allocation is a gap to keep. */
async function unscheduledLaureate(database: DatabaseHandle) {
  const [row] = await database.db
    .select({ slug: schema.laureates.slug, gapCents: schema.allocations.amountCents })
    .from(schema.allocations)
    .innerJoin(schema.laureates, eq(schema.laureates.id, schema.allocations.laureateId))
    .leftJoin(schema.tranches, eq(schema.tranches.laureateId, schema.laureates.id))
    .where(and(isNull(schema.tranches.id), gt(schema.allocations.amountCents, 0)))
    .orderBy(asc(schema.laureates.position))
    .limit(1);
  if (!row) throw new Error("Aucun lauréat alloué sans échéancier");
  return row;
}

async function laureateIdBySlug(database: DatabaseHandle, slug: string): Promise<number> {
  const [laureate] = await database.db
    .select({ id: schema.laureates.id })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, slug));
  return laureate?.id ?? 0;
}

/**
 * The laureate committed by its mode's rule (convention dated, EJ signed), as
 * money steps require: the cases are about who may call, not about the rules.
 */
async function committedLaureate(database: DatabaseHandle, slug: string, ejNumber: string): Promise<number> {
  const laureateId = await laureateIdBySlug(database, slug);
  const facts = { conventionDate: "2022-06-01", ejNumber };
  await database.db
    .insert(schema.fundingRecords)
    .values({ laureateId, ...facts })
    .onConflictDoUpdate({ target: schema.fundingRecords.laureateId, set: facts });
  return laureateId;
}

/** A payment written straight through the ledger, for the reversal case to cancel. */
async function aPayment(database: DatabaseHandle): Promise<number> {
  const [laureate] = await database.db
    .select({ id: schema.laureates.id })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, "dggn-lab-innovation"));
  return database.db.transaction((tx) =>
    recordPaymentOutsideSchedule(
      tx,
      { userId: null },
      {
        laureateId: laureate?.id ?? 0,
        amountCents: 100,
        paidOn: "2024-01-01",
        reason: "Versement d'essai hors échéancier",
      },
    ),
  );
}

async function firstMilestoneOf(database: DatabaseHandle, slug: string) {
  const [milestone] = await database.db
    .select({ id: schema.milestones.id, version: schema.milestones.version })
    .from(schema.milestones)
    .innerJoin(schema.laureates, eq(schema.laureates.id, schema.milestones.laureateId))
    .where(eq(schema.laureates.slug, slug))
    .orderBy(asc(schema.milestones.position))
    .limit(1);
  if (!milestone) throw new Error(`Aucun jalon pour ${slug}`);
  return milestone;
}

async function weatherVersion(database: DatabaseHandle, slug: string, period: string): Promise<number> {
  const [report] = await database.db
    .select({ version: schema.weatherReports.version })
    .from(schema.weatherReports)
    .innerJoin(schema.laureates, eq(schema.laureates.id, schema.weatherReports.laureateId))
    .where(and(eq(schema.laureates.slug, slug), eq(schema.weatherReports.period, period)));
  return report?.version ?? 0;
}

const currentPeriod = parisDay().slice(0, 7);
/** Sponsors too, within their scope: the santé sponsor acts on a laureate of the santé ministry. */
const scopedRoles: Record<Who, Outcome> = {
  anonyme: "UNAUTHORIZED",
  administrateur: "ok",
  charge_mission: "ok",
  sponsor: "ok",
  direction: "FORBIDDEN",
};

/** In the santé sponsor's scope. */
const SCOPED_SLUG = "chu-toulouse-parkinson";

/** An adoption written straight into the table, for the edit and stage cases to act on. */
async function anAdoption(database: DatabaseHandle): Promise<number> {
  const [adoption] = await database.db
    .insert(schema.adoptions)
    .values({
      laureateId: await laureateIdBySlug(database, SCOPED_SLUG),
      organisation: "Administration fictive de test",
      regionCode: "76",
      identifiedOn: "2024-01-01",
    })
    .returning({ id: schema.adoptions.id });
  return adoption?.id ?? 0;
}

/**
 * The latest review, written straight into the table on a day after every
 * review the matrix opens: decisions are recorded and followed up there.
 */
async function theLatestReview(database: DatabaseHandle): Promise<number> {
  await database.db
    .insert(schema.portfolioReviews)
    .values({
      asOf: "2025-12-31",
      title: "Revue de la matrice",
      snapshot: {} as typeof schema.portfolioReviews.$inferInsert.snapshot,
    })
    .onConflictDoNothing();
  const [review] = await database.db
    .select({ id: schema.portfolioReviews.id })
    .from(schema.portfolioReviews)
    .where(eq(schema.portfolioReviews.asOf, "2025-12-31"));
  return review?.id ?? 0;
}

/** A decision written straight into the table, on its current version, for the status case to act on. */
async function aDecision(database: DatabaseHandle): Promise<{ id: number; version: number }> {
  const [decision] = await database.db
    .insert(schema.reviewDecisions)
    .values({
      reviewId: await theLatestReview(database),
      text: "Décision de la matrice",
      owner: "Direction",
      dueOn: "2026-01-31",
    })
    .returning({ id: schema.reviewDecisions.id, version: schema.reviewDecisions.version });
  return decision ?? { id: 0, version: 1 };
}

/** The matrix's followed indicator of the scoped laureate, written once; its current version. */
async function matrixIndicator(database: DatabaseHandle): Promise<{ id: number; version: number }> {
  const [indicator] = await database.db
    .select({ id: schema.indicators.id, version: schema.indicators.version })
    .from(schema.indicators)
    .where(
      and(
        eq(schema.indicators.laureateId, await laureateIdBySlug(database, SCOPED_SLUG)),
        eq(schema.indicators.name, "Indicateur de la matrice"),
      ),
    );
  return indicator ?? aFollowedIndicator(database, SCOPED_SLUG, "Indicateur de la matrice");
}

/** A measure of the matrix's indicator, written once; its current version. */
async function matrixMeasure(database: DatabaseHandle): Promise<{ id: number; version: number }> {
  const indicator = await matrixIndicator(database);
  const [measure] = await database.db
    .insert(schema.indicatorMeasures)
    .values({
      indicatorId: indicator.id,
      laureateId: await laureateIdBySlug(database, SCOPED_SLUG),
      measuredOn: "2024-03-31",
      value: 150,
    })
    .onConflictDoUpdate({
      target: [schema.indicatorMeasures.indicatorId, schema.indicatorMeasures.measuredOn],
      set: { measuredOn: "2024-03-31" },
    })
    .returning({ id: schema.indicatorMeasures.id, version: schema.indicatorMeasures.version });
  return measure ?? { id: 0, version: 1 };
}

const replicationCriteria = () => {
  const entry = { score: 3, justification: "Justification de test." };
  return {
    maturity: entry,
    evidence: entry,
    transferability: entry,
    cost: entry,
    prerequisites: entry,
    openness: entry,
  };
};

/** Every mutation of the app, with what each role may do. A new mutation must be added here. */
const MUTATIONS: MutationCase[] = [
  {
    path: "replication.score",
    call: async (caller, database) => {
      const [latest] = await database.db
        .select({ id: schema.replicationScorecards.id })
        .from(schema.replicationScorecards)
        .where(eq(schema.replicationScorecards.laureateId, await laureateIdBySlug(database, SCOPED_SLUG)))
        .orderBy(desc(schema.replicationScorecards.scoredAt), desc(schema.replicationScorecards.id))
        .limit(1);
      return caller.replication.score({
        laureateSlug: SCOPED_SLUG,
        basedOnScorecardId: latest?.id ?? null,
        criteria: replicationCriteria(),
        sponsorName: "Sponsor de test",
      });
    },
    expected: moneyRoles,
  },
  {
    path: "replication.close",
    call: async (caller, database, run) => {
      // A laureate of its own per run, its closure kit written straight into the table.
      const list = await database.db
        .select({ id: schema.laureates.id, slug: schema.laureates.slug })
        .from(schema.laureates)
        .orderBy(schema.laureates.position);
      const laureate = list[run % list.length];
      if (!laureate) throw new Error("Aucun lauréat");
      await database.db.insert(schema.reusableAssets).values([
        { laureateId: laureate.id, kind: "document", label: "Bilan", url: "https://exemple.invalid/bilan" },
        { laureateId: laureate.id, kind: "contact", label: "Référent", contactEmail: "ref@exemple.invalid" },
      ]);
      return caller.replication.close({
        laureateSlug: laureate.slug,
        closedOn: "2025-01-31",
        lessonsLearned: "Enseignements de test : associer les usagers dès la conception a tout changé.",
      });
    },
    expected: moneyRoles,
  },
  {
    path: "replication.saveAsset",
    call: (caller) =>
      caller.replication.saveAsset({
        laureateSlug: SCOPED_SLUG,
        assetId: null,
        version: 0,
        kind: "code",
        label: "Dépôt de test",
        url: "https://exemple.invalid/depot",
        contactEmail: null,
      }),
    expected: scopedRoles,
  },
  {
    path: "replication.removeAsset",
    call: async (caller, database) => {
      const [asset] = await database.db
        .insert(schema.reusableAssets)
        .values({
          laureateId: await laureateIdBySlug(database, SCOPED_SLUG),
          kind: "guide",
          label: "Guide à retirer",
          url: "https://exemple.invalid/guide",
        })
        .returning({ id: schema.reusableAssets.id });
      return caller.replication.removeAsset({
        laureateSlug: SCOPED_SLUG,
        assetId: asset?.id ?? 0,
        version: 1,
      });
    },
    expected: scopedRoles,
  },
  {
    path: "replication.recordAdoption",
    call: (caller) =>
      caller.replication.recordAdoption({
        laureateSlug: SCOPED_SLUG,
        organisation: "Collectivité fictive de test",
        regionCode: "76",
        departementCode: "31",
        contact: null,
        notes: null,
        identifiedOn: "2024-06-01",
      }),
    expected: scopedRoles,
  },
  {
    path: "replication.updateAdoption",
    call: async (caller, database, run) =>
      caller.replication.updateAdoption({
        laureateSlug: SCOPED_SLUG,
        adoptionId: await anAdoption(database),
        version: 1,
        organisation: `Administration fictive renommée ${run}`,
        regionCode: "76",
        departementCode: null,
        contact: null,
        notes: null,
      }),
    expected: scopedRoles,
  },
  {
    path: "replication.moveAdoption",
    call: async (caller, database) =>
      caller.replication.moveAdoption({
        laureateSlug: SCOPED_SLUG,
        adoptionId: await anAdoption(database),
        version: 1,
        to: "contactee",
        on: "2024-01-15",
      }),
    expected: scopedRoles,
  },
  {
    path: "reviews.open",
    // A day of its own per run: a second review of the same day is refused.
    call: (caller, _database, run) =>
      caller.reviews.open({
        asOf: `2024-0${1 + (run % 9)}-1${Math.floor(run / 9) % 10}`,
        title: `Revue ${run}`,
      }),
    expected: moneyRoles,
  },
  {
    path: "reviews.recordDecision",
    call: async (caller, database, run) =>
      caller.reviews.recordDecision({
        reviewId: await theLatestReview(database),
        text: `Relancer le sponsor ${run}`,
        owner: "Chargée de mission",
        dueOn: "2026-01-31",
        laureateSlugs: [SCOPED_SLUG],
      }),
    expected: moneyRoles,
  },
  {
    path: "reviews.updateDecision",
    call: async (caller, database) => {
      const decision = await aDecision(database);
      return caller.reviews.updateDecision({
        decisionId: decision.id,
        reviewId: await theLatestReview(database),
        version: decision.version,
        status: "faite",
        note: "Fait.",
      });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.updateFunding",
    call: async (caller, database) => {
      const [record] = await database.db
        .select({ version: schema.fundingRecords.version })
        .from(schema.fundingRecords)
        .innerJoin(schema.laureates, eq(schema.laureates.id, schema.fundingRecords.laureateId))
        .where(eq(schema.laureates.slug, "smicval-zero-dechet"));
      return caller.finance.updateFunding({
        laureateSlug: "smicval-zero-dechet",
        version: record?.version ?? 0,
        fundingMode: "subvention",
        conventionDate: "2022-06-01",
        ejNumber: null,
        siret: null,
        rna: null,
        paymentConditions: "echelonne",
        idempotencyKey: randomUUID(),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.planSchedule",
    call: (caller) =>
      caller.finance.planSchedule({
        laureateSlug: "smicval-zero-dechet",
        tranches: [{ kind: "avance", plannedAmountCents: 1_000, plannedOn: "2022-07-01" }],
        idempotencyKey: randomUUID(),
      }),
    expected: moneyRoles,
  },
  {
    path: "finance.moveTranche",
    call: async (caller, database) => {
      const [tranche] = await database.db
        .insert(schema.tranches)
        .values({
          laureateId: await committedLaureate(database, "smicval-zero-dechet", "2188000001"),
          kind: "acompte",
          position: 99,
          plannedAmountCents: 500,
          plannedOn: "2023-01-01",
        })
        .returning({ id: schema.tranches.id });
      return caller.finance.moveTranche({
        trancheId: tranche?.id ?? 0,
        version: 1,
        to: "service_fait",
        on: "2023-01-02",
        idempotencyKey: randomUUID(),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.acceptScheduleGap",
    call: async (caller, database, run) => {
      const { slug, gapCents } = await unscheduledLaureate(database);
      return caller.finance.acceptScheduleGap({
        laureateSlug: slug,
        gapCents,
        reason: `Échéancier à venir ${run}`,
        idempotencyKey: randomUUID(),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.setTrancheGate",
    call: async (caller, database) => {
      const [tranche] = await database.db
        .insert(schema.tranches)
        .values({
          laureateId: await laureateIdBySlug(database, "smicval-zero-dechet"),
          kind: "acompte",
          position: 98,
          plannedAmountCents: 500,
          plannedOn: "2023-01-01",
        })
        .returning({ id: schema.tranches.id });
      return caller.finance.setTrancheGate({
        trancheId: tranche?.id ?? 0,
        version: 1,
        milestoneId: (await firstMilestoneOf(database, "smicval-zero-dechet")).id,
        idempotencyKey: randomUUID(),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "progress.createMilestone",
    call: (caller, _database, run) =>
      caller.progress.createMilestone({
        laureateSlug: SCOPED_SLUG,
        title: `Jalon de test ${run}`,
        description: "",
        dueOn: "2027-03-01",
        status: "a_venir",
        reachedOn: null,
        evidenceNote: "",
        evidenceUrl: null,
      }),
    expected: scopedRoles,
  },
  {
    path: "progress.updateMilestone",
    call: async (caller, database, run) => {
      const milestone = await firstMilestoneOf(database, SCOPED_SLUG);
      return caller.progress.updateMilestone({
        laureateSlug: SCOPED_SLUG,
        milestoneId: milestone.id,
        version: milestone.version,
        title: `Cadrage ${run}`,
        description: "",
        dueOn: "2025-01-15",
        status: "atteint",
        reachedOn: "2025-01-20",
        evidenceNote: "Compte rendu",
        evidenceUrl: null,
      });
    },
    expected: scopedRoles,
  },
  {
    path: "progress.moveMilestone",
    call: async (caller, database) =>
      caller.progress.moveMilestone({
        laureateSlug: SCOPED_SLUG,
        milestoneId: (await firstMilestoneOf(database, SCOPED_SLUG)).id,
        direction: "down",
      }),
    expected: scopedRoles,
  },
  {
    path: "progress.declareWeather",
    call: async (caller, database, run) =>
      caller.progress.declareWeather({
        laureateSlug: SCOPED_SLUG,
        period: currentPeriod,
        level: "nuage",
        synthesis: `Synthèse de test numéro ${run}`,
        version: await weatherVersion(database, SCOPED_SLUG, currentPeriod),
      }),
    expected: scopedRoles,
  },
  {
    path: "progress.addComment",
    call: (caller, _database, run) =>
      caller.progress.addComment({ laureateSlug: SCOPED_SLUG, kind: "reussites", body: `Réussite ${run}` }),
    expected: scopedRoles,
  },
  {
    path: "progress.editComment",
    call: async (caller, database, run) => {
      const [comment] = await database.db
        .select({ id: schema.comments.id, version: schema.comments.version })
        .from(schema.comments)
        .where(eq(schema.comments.laureateId, await laureateIdBySlug(database, SCOPED_SLUG)))
        .orderBy(asc(schema.comments.id))
        .limit(1);
      return caller.progress.editComment({
        laureateSlug: SCOPED_SLUG,
        commentId: comment?.id ?? 0,
        version: comment?.version ?? 0,
        body: `Texte revu ${run}`,
      });
    },
    expected: scopedRoles,
  },
  {
    path: "progress.deleteComment",
    call: async (caller, database, run) => {
      // Written by the santé sponsor, so that the sponsor too deletes their own.
      const author = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
      const [comment] = await database.db
        .insert(schema.comments)
        .values({
          laureateId: await laureateIdBySlug(database, SCOPED_SLUG),
          kind: "reussites",
          body: `À supprimer ${run}`,
          authorId: author.id,
          updatedBy: author.id,
        })
        .returning({ id: schema.comments.id });
      return caller.progress.deleteComment({
        laureateSlug: SCOPED_SLUG,
        commentId: comment?.id ?? 0,
        version: 1,
      });
    },
    expected: scopedRoles,
  },
  {
    path: "progress.submitUpdate",
    call: async (caller, database, run) =>
      caller.progress.submitUpdate({
        laureateSlug: SCOPED_SLUG,
        weather: {
          period: currentPeriod,
          level: "couvert",
          synthesis: `Mise à jour guidée ${run}`,
          version: await weatherVersion(database, SCOPED_SLUG, currentPeriod),
        },
        milestones: [],
        comments: [{ kind: "prochaines_actions", body: `Action ${run}` }],
      }),
    expected: scopedRoles,
  },
  {
    path: "impact.defineIndicator",
    call: (caller, _database, run) =>
      caller.impact.defineIndicator(anIndicator(SCOPED_SLUG, `Indicateur défini ${run}`)),
    expected: moneyRoles,
  },
  {
    path: "impact.updateIndicator",
    call: async (caller, database, run) => {
      const indicator = await matrixIndicator(database);
      return caller.impact.updateIndicator({
        ...anIndicator(SCOPED_SLUG, "Indicateur de la matrice", { targetValue: 1_000 + run }),
        indicatorId: indicator.id,
        version: indicator.version,
      });
    },
    expected: moneyRoles,
  },
  {
    path: "impact.proposeIndicator",
    call: (caller, _database, run) =>
      caller.impact.proposeIndicator(anIndicator(SCOPED_SLUG, `Indicateur proposé ${run}`)),
    expected: { ...moneyRoles, administrateur: "FORBIDDEN", charge_mission: "FORBIDDEN", sponsor: "ok" },
  },
  {
    path: "impact.decideProposal",
    call: async (caller, database, run) => {
      const proposal = await aFollowedIndicator(database, SCOPED_SLUG, `Proposition ${run}`, "propose");
      return caller.impact.decideProposal({
        laureateSlug: SCOPED_SLUG,
        indicatorId: proposal.id,
        version: proposal.version,
        decision: "accepter",
      });
    },
    expected: moneyRoles,
  },
  {
    path: "impact.recordMeasure",
    call: async (caller, database, run) =>
      caller.impact.recordMeasure({
        laureateSlug: SCOPED_SLUG,
        indicatorId: (await matrixIndicator(database)).id,
        measuredOn: addDays("2024-06-01", run),
        value: run,
        source: "",
        comment: "",
      }),
    expected: scopedRoles,
  },
  {
    path: "impact.correctMeasure",
    call: async (caller, database, run) => {
      const measure = await matrixMeasure(database);
      return caller.impact.correctMeasure({
        laureateSlug: SCOPED_SLUG,
        measureId: measure.id,
        version: measure.version,
        value: 150 + run,
        source: "",
        comment: `Correction ${run}`,
      });
    },
    expected: scopedRoles,
  },
  {
    path: "progress.updateSettings",
    call: async (caller, database, run) => {
      const [settings] = await database.db.select().from(schema.followUpSettings);
      return caller.progress.updateSettings({ staleAfterDays: 20 + run, version: settings?.version ?? 0 });
    },
    expected: adminOnly,
  },
  {
    path: "reminders.runNow",
    call: async (caller, database) => {
      // A week runs once: forget the last run so that each allowed role finds this week not yet run.
      await database.db.update(schema.scheduledJobs).set({ lastRunAt: null });
      return caller.reminders.runNow({});
    },
    expected: moneyRoles,
  },
  {
    path: "reminders.remindSponsor",
    call: async (caller, database) => {
      // Once a day per sponsor: forget today's reminder so that each allowed role finds it not yet sent.
      await database.db.delete(schema.mailOutbox).where(eq(schema.mailOutbox.kind, "relance_sponsor"));
      return caller.reminders.remindSponsor({
        sponsorId: await userIdOf(database, DEMO_EMAILS.sponsorInterieur),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "users.assignSponsor",
    call: async (caller, database) => {
      const sponsorId = await userIdOf(database, DEMO_EMAILS.sponsorInterieur);
      // A laureate of no sponsor's ministry, given again on each run.
      await database.db
        .delete(schema.userScopes)
        .where(and(eq(schema.userScopes.userId, sponsorId), eq(schema.userScopes.kind, "laureat")));
      return caller.users.assignSponsor({ laureateSlug: "insep-catalyser", sponsorId });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.setAllocation",
    call: async (caller, database, run) =>
      caller.finance.setAllocation({
        laureateSlug: "insep-catalyser",
        // Above what is paid, within the reserve: a small rise each run.
        amountCents: (await allocatedTo(database, "insep-catalyser")) + run,
        reason: "Ajustement de test",
        idempotencyKey: randomUUID(),
      }),
    expected: moneyRoles,
  },
  {
    path: "finance.reallocate",
    call: (caller) =>
      caller.finance.reallocate({
        fromLaureateSlug: "dggn-lab-innovation",
        toLaureateSlug: "insep-catalyser",
        amountCents: 100,
        reason: "Réaffectation de test",
        idempotencyKey: randomUUID(),
      }),
    expected: moneyRoles,
  },
  {
    path: "finance.recordPayment",
    call: async (caller, database) => {
      await committedLaureate(database, "dggn-lab-innovation", "2188000002");
      return caller.finance.recordPayment({
        laureateSlug: "dggn-lab-innovation",
        amountCents: 100,
        paidOn: "2024-05-01",
        reference: "TRF-2024-05",
        reason: "Versement d'essai hors échéancier",
        idempotencyKey: randomUUID(),
      });
    },
    expected: moneyRoles,
  },
  {
    path: "finance.reversePayment",
    call: async (caller, database) =>
      caller.finance.reversePayment({
        paymentId: await aPayment(database),
        reason: "Contre-passation de test",
        idempotencyKey: randomUUID(),
      }),
    expected: moneyRoles,
  },
  {
    path: "programme.setCalendar",
    call: async (caller, database, run) => {
      const [programme] = await database.db
        .select({ version: schema.programmes.version })
        .from(schema.programmes);
      return caller.programme.setCalendar({
        endsOn: "2026-12-31",
        consumptionDeadlineOn: `2027-0${(run % 9) + 1}-28`,
        version: programme?.version ?? 0,
      });
    },
    expected: adminOnly,
  },
  {
    path: "users.create",
    call: (caller, _database, run) =>
      caller.users.create({
        email: `nouveau.${run}@ditp.example`,
        displayName: "Nouvel agent",
        role: "direction",
        scope: [],
      }),
    expected: adminOnly,
  },
  {
    path: "users.update",
    call: async (caller, database, run) =>
      caller.users.update({
        userId: await userIdOf(database, DEMO_EMAILS.leadership),
        displayName: `Direction ${run}`,
        role: "direction",
        scope: [],
      }),
    expected: adminOnly,
  },
  {
    path: "users.deactivate",
    call: async (caller, database) =>
      caller.users.deactivate({ userId: await userIdOf(database, DEMO_EMAILS.sponsorSante) }),
    expected: adminOnly,
  },
  {
    path: "users.reactivate",
    call: async (caller, database) =>
      caller.users.reactivate({ userId: await userIdOf(database, DEMO_EMAILS.sponsorSante) }),
    expected: adminOnly,
  },
  {
    path: "impact.defineCommonIndicator",
    // A name of its own per run: a second indicator of the same name is refused.
    call: (caller, _database, run) =>
      caller.impact.defineCommonIndicator({
        name: `Indicateur commun de la matrice ${run}`,
        unit: "nombre",
        unitLabel: "",
        aggregation: "somme",
        description: "",
      }),
    expected: moneyRoles,
  },
  {
    path: "impact.updateCommonIndicator",
    call: async (caller, database, run) => {
      await database.db
        .insert(schema.commonIndicators)
        .values({ name: "Indicateur commun modifié par la matrice", unit: "nombre", aggregation: "somme" })
        .onConflictDoNothing();
      const [entry] = await database.db
        .select()
        .from(schema.commonIndicators)
        .where(eq(schema.commonIndicators.name, "Indicateur commun modifié par la matrice"));
      return caller.impact.updateCommonIndicator({
        commonIndicatorId: entry?.id ?? 0,
        version: entry?.version ?? 0,
        name: entry?.name ?? "",
        unit: "nombre",
        unitLabel: "",
        aggregation: "somme",
        description: `Reformulée ${run}`,
      });
    },
    expected: moneyRoles,
  },
  {
    path: "laureates.update",
    call: async (caller, database, run) =>
      caller.laureates.update({
        laureateSlug: "prevention-perte-autonomie",
        version: await laureateVersion(database, "prevention-perte-autonomie"),
        porteur: `Porteur complété ${run}`,
        ministry: "solidarites-sante",
        fundingMode: "subvention",
        partnerLabs: [],
      }),
    expected: {
      anonyme: "UNAUTHORIZED",
      administrateur: "ok",
      charge_mission: "ok",
      sponsor: "FORBIDDEN",
      direction: "FORBIDDEN",
    },
  },
];

interface QueryCase {
  path: string;
  call: (caller: ReturnType<typeof callerFor>, database: DatabaseHandle) => Promise<unknown>;
  expected: Record<Who, Outcome>;
}

/** Queries whose audience is narrower than, or worth stating beside, the portfolio's. */
const QUERIES: QueryCase[] = [
  {
    path: "reviews.decisions",
    call: async (caller, database) => caller.reviews.decisions({ id: await theLatestReview(database) }),
    expected: { ...moneyRoles, direction: "ok" },
  },
  {
    path: "reviews.decisionsDue",
    call: (caller) => caller.reviews.decisionsDue({}),
    expected: { ...moneyRoles, direction: "ok" },
  },
  {
    path: "reviews.laureateDecisions (in scope)",
    call: (caller) => caller.reviews.laureateDecisions({ laureateSlug: SCOPED_SLUG }),
    expected: { ...moneyRoles, direction: "ok", sponsor: "ok" },
  },
  {
    path: "reviews.laureateDecisions (out of scope)",
    call: (caller) => caller.reviews.laureateDecisions({ laureateSlug: "dggn-lab-innovation" }),
    expected: { ...moneyRoles, direction: "ok" },
  },
  { path: "controls.list", call: (caller) => caller.controls.list(), expected: moneyRoles },
  { path: "controls.count", call: (caller) => caller.controls.count(), expected: moneyRoles },
  {
    path: "exports.scdlPreview",
    call: (caller) => caller.exports.scdlPreview(),
    expected: {
      anonyme: "UNAUTHORIZED",
      administrateur: "ok",
      charge_mission: "ok",
      sponsor: "ok",
      direction: "ok",
    },
  },
];

describe("authorization", () => {
  let database: DatabaseHandle;
  const users = {} as Record<Exclude<Who, "anonyme">, SessionUser>;
  beforeAll(async () => {
    database = await createTestDatabase();
    users.administrateur = await sessionUserOf(database, DEMO_EMAILS.admin);
    users.charge_mission = await sessionUserOf(database, DEMO_EMAILS.officer);
    users.sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    users.direction = await sessionUserOf(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  it("gives every procedure of the router a declared policy (default deny)", () => {
    const procedures = routerProcedures();
    expect(procedures.length).toBeGreaterThan(5);
    const withoutPolicy = procedures
      .filter(([, procedure]) => !procedure._def.meta?.policy)
      .map(([path]) => path);
    expect(withoutPolicy).toEqual([]);
  });

  it("lists every mutation of the router in the matrix below", () => {
    const mutations = routerProcedures()
      .filter(([, procedure]) => procedure._def.type === "mutation")
      .map(([path]) => path)
      .sort();
    expect(mutations).toEqual(MUTATIONS.map((mutation) => mutation.path).sort());
  });

  const whos: Who[] = ["anonyme", "direction", "sponsor", "charge_mission", "administrateur"];
  let run = 0;
  for (const mutation of MUTATIONS) {
    for (const who of whos) {
      it(`${mutation.path} as ${who}: ${mutation.expected[who]}, with exactly one audit event when it succeeds`, async () => {
        run += 1;
        const caller = callerFor(database, who === "anonyme" ? null : users[who]);
        const [before] = await database.db.select({ total: count() }).from(schema.auditEvents);
        const laureateBefore = await database.db
          .select()
          .from(schema.laureates)
          .where(eq(schema.laureates.slug, "prevention-perte-autonomie"));
        const usersBefore = await database.db.select().from(schema.users);
        const outcome = await mutation.call(caller, database, run).then(
          () => "ok",
          (error: unknown) => (error as { code?: string }).code ?? String(error),
        );
        expect(outcome).toBe(mutation.expected[who]);
        const [after] = await database.db.select({ total: count() }).from(schema.auditEvents);
        expect((after?.total ?? 0) - (before?.total ?? 0)).toBe(outcome === "ok" ? 1 : 0);
        if (outcome === "ok") {
          // The journal reads every key the event wrote with its label (AUDIT_FIELDS), none guessed.
          const [event] = await database.db
            .select()
            .from(schema.auditEvents)
            .orderBy(desc(schema.auditEvents.id))
            .limit(1);
          const unlabelled = describeAuditChanges(
            event?.action ?? "",
            event?.before ?? null,
            event?.after ?? null,
          )
            .filter((change) => !change.labelled)
            .map((change) => `${event?.action ?? ""} · ${change.key}`);
          expect(unlabelled).toEqual([]);
        }
        if (outcome !== "ok") {
          // Refused means refused: nothing changed.
          expect(
            await database.db
              .select()
              .from(schema.laureates)
              .where(eq(schema.laureates.slug, "prevention-perte-autonomie")),
          ).toEqual(laureateBefore);
          expect(await database.db.select().from(schema.users)).toEqual(usersBefore);
        }
      });
    }
  }

  for (const query of QUERIES) {
    for (const who of whos) {
      it(`${query.path} as ${who}: ${query.expected[who]}`, async () => {
        const caller = callerFor(database, who === "anonyme" ? null : users[who]);
        const outcome = await query.call(caller, database).then(
          () => "ok",
          (error: unknown) => (error as { code?: string }).code ?? String(error),
        );
        expect(outcome).toBe(query.expected[who]);
      });
    }
  }

  it("lets a sponsor act only on the laureates of their scope", async () => {
    const createCaller = createCallerFactory(
      router({
        touch: procedureWithPolicy({ name: "test", roles: ["sponsor", "charge_mission"], sponsorScope: true })
          .input(z.object({ laureateSlug: z.string() }))
          .mutation(({ input }) => input.laureateSlug),
      }),
    );
    const as = (user: SessionUser) => createCaller(contextFor(database, user));
    const sante = as(users.sponsor);
    // CHU de Toulouse is attached to the ministère des Solidarités et de la Santé; the DGGN to the Intérieur.
    await expect(sante.touch({ laureateSlug: "chu-toulouse-parkinson" })).resolves.toBe(
      "chu-toulouse-parkinson",
    );
    await expect(sante.touch({ laureateSlug: "dggn-lab-innovation" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Ce lauréat n'est pas dans votre périmètre.",
    });
    await expect(sante.touch({ laureateSlug: "n-existe-pas" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(users.charge_mission).touch({ laureateSlug: "dggn-lab-innovation" })).resolves.toBe(
      "dggn-lab-innovation",
    );
    await expect(as(users.direction).touch({ laureateSlug: "dggn-lab-innovation" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
