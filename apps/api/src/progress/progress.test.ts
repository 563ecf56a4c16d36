import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { addDays, type SessionUser } from "@defis/domain";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewSnapshotAsOf } from "../dashboard/portfolio-as-of.js";
import { parisDay } from "../paris-day.js";
import { callerFor, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";

const IN_SCOPE = "chu-toulouse-parkinson";
const OUT_OF_SCOPE = "dggn-lab-innovation";
const PERIOD = parisDay().slice(0, 7);

describe("follow-up of a laureate: milestones, météo, comments", () => {
  let database: TestDatabaseHandle;
  let sponsor: SessionUser;
  let officer: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  const auditCount = async () =>
    (await database.db.select({ total: count() }).from(schema.auditEvents))[0]?.total;

  async function laureateId(slug: string) {
    const [row] = await database.db
      .select({ id: schema.laureates.id })
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, slug));
    return row?.id ?? 0;
  }

  async function milestonesOf(slug: string) {
    return database.db
      .select()
      .from(schema.milestones)
      .where(eq(schema.milestones.laureateId, await laureateId(slug)))
      .orderBy(asc(schema.milestones.position));
  }

  it("shows the demonstration's deliberate divergence: soleil declared, a milestone 45 days late", async () => {
    const progress = await callerFor(database, officer).progress.forLaureate({ slug: IN_SCOPE });
    expect(progress.weather[0]).toMatchObject({ period: PERIOD, level: "soleil" });
    expect(progress.milestones.filter((milestone) => milestone.state === "en_retard")).toEqual([
      expect.objectContaining({ daysLate: 45 }),
    ]);
    expect(progress.health).toMatchObject({
      declared: "soleil",
      diverges: true,
      computed: { level: "couvert" },
    });
    expect(progress.comments.some((comment) => comment.revisions.length > 0)).toBe(true);
    expect(progress.freshness.map((part) => part.part)).toEqual(["finances", "jalons", "meteo"]);
    const flagged = await callerFor(database, officer).progress.portfolio();
    expect(flagged.filter((row) => row.health.diverges).map((row) => row.laureateSlug)).toEqual([IN_SCOPE]);
  });

  it("lets a sponsor edit only within their scope", async () => {
    const caller = callerFor(database, sponsor);
    await expect(
      caller.progress.addComment({ laureateSlug: OUT_OF_SCOPE, kind: "reussites", body: "Hors périmètre" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An in-scope slug does not open another laureate's milestone.
    const [foreign] = await milestonesOf(OUT_OF_SCOPE);
    const before = await auditCount();
    await expect(
      caller.progress.updateMilestone({
        laureateSlug: IN_SCOPE,
        milestoneId: foreign?.id ?? 0,
        version: foreign?.version ?? 1,
        title: "Détourné",
        description: "",
        dueOn: "2026-01-01",
        status: "abandonne",
        reachedOn: null,
        evidenceNote: "",
        evidenceUrl: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await milestonesOf(OUT_OF_SCOPE))[0]).toEqual(foreign);
    expect(await auditCount()).toBe(before);
    const mine = await caller.progress.myProjects();
    expect(mine.rows.map((row) => row.ministry)).toEqual(mine.rows.map(() => "solidarites-sante"));
    await expect(caller.progress.toChase()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a météo for a month still to come", async () => {
    await expect(
      callerFor(database, sponsor).progress.declareWeather({
        laureateSlug: IN_SCOPE,
        period: "2999-01",
        level: "nuage",
        synthesis: "Une synthèse assez longue",
        version: 0,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a comment's earlier wording when it is edited", async () => {
    const caller = callerFor(database, sponsor);
    const { commentId } = await caller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "risques_blocages",
      body: "Première rédaction",
    });
    await caller.progress.editComment({
      laureateSlug: IN_SCOPE,
      commentId,
      version: 1,
      body: "Seconde rédaction",
    });
    await expect(
      caller.progress.editComment({ laureateSlug: IN_SCOPE, commentId, version: 1, body: "Perdue" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { body: "Seconde rédaction", version: 2 } },
    });
    const comment = (await caller.progress.forLaureate({ slug: IN_SCOPE })).comments.find(
      (item) => item.id === commentId,
    );
    expect(comment).toMatchObject({ body: "Seconde rédaction", version: 2, author: { id: sponsor.id } });
    expect(comment?.revisions.map((revision) => revision.body)).toEqual(["Première rédaction"]);
  });

  it("lets a sponsor reword only their own comments, and an officer correct any, naming both", async () => {
    const officerCaller = callerFor(database, officer);
    const sponsorCaller = callerFor(database, sponsor);
    const { commentId: officerComment } = await officerCaller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "prochaines_actions",
      body: "Texte de la chargée de mission",
    });
    const before = await auditCount();
    await expect(
      sponsorCaller.progress.editComment({
        laureateSlug: IN_SCOPE,
        commentId: officerComment,
        version: 1,
        body: "Réécrit par le sponsor",
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("que les commentaires que vous avez écrits") as unknown,
    });
    expect(await auditCount()).toBe(before);
    const untouched = (await officerCaller.progress.forLaureate({ slug: IN_SCOPE })).comments.find(
      (item) => item.id === officerComment,
    );
    expect(untouched).toMatchObject({ body: "Texte de la chargée de mission", version: 1, revisions: [] });

    const { commentId: sponsorComment } = await sponsorCaller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "reussites",
      body: "Deux agences volontaires pour le teste",
    });
    await officerCaller.progress.editComment({
      laureateSlug: IN_SCOPE,
      commentId: sponsorComment,
      version: 1,
      body: "Deux agences volontaires pour le test",
    });
    const corrected = (await sponsorCaller.progress.forLaureate({ slug: IN_SCOPE })).comments.find(
      (item) => item.id === sponsorComment,
    );
    expect(corrected).toMatchObject({
      body: "Deux agences volontaires pour le test",
      author: { id: sponsor.id },
      updatedBy: { id: officer.id },
      revisions: [{ body: "Deux agences volontaires pour le teste", writtenBy: { id: sponsor.id } }],
    });
    const [event] = await database.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.action, "commentaire.modification"),
          eq(schema.auditEvents.entityId, String(sponsorComment)),
        ),
      );
    expect(event).toMatchObject({
      actorUserId: officer.id,
      before: { texte: "Deux agences volontaires pour le teste", redigePar: sponsor.displayName },
      after: { texte: "Deux agences volontaires pour le test", redigePar: officer.displayName },
    });
  });

  it("lets a sponsor delete only their own comments and an officer any, keeping the history", async () => {
    const officerCaller = callerFor(database, officer);
    const sponsorCaller = callerFor(database, sponsor);
    const shown = async () =>
      (await officerCaller.progress.forLaureate({ slug: IN_SCOPE })).comments.map((item) => item.id);
    const reviewRisks = async (day = parisDay()) =>
      (await reviewSnapshotAsOf(database.db, day)).laureates
        .find((sheet) => sheet.slug === IN_SCOPE)
        ?.risks.map((risk) => risk.id);
    const { commentId: officerComment } = await officerCaller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "risques_blocages",
      body: "Risque noté par la chargée de mission",
    });
    const { commentId: sponsorComment } = await sponsorCaller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "risques_blocages",
      body: "Risque noté par le sponsor",
    });
    const { commentId: correctedComment } = await sponsorCaller.progress.addComment({
      laureateSlug: IN_SCOPE,
      kind: "reussites",
      body: "Réussite à corriger",
    });

    const before = await auditCount();
    await expect(
      sponsorCaller.progress.deleteComment({ laureateSlug: IN_SCOPE, commentId: officerComment, version: 1 }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(
        "Vous ne pouvez supprimer que les commentaires que vous avez écrits",
      ) as unknown,
    });
    await expect(
      sponsorCaller.progress.deleteComment({ laureateSlug: IN_SCOPE, commentId: sponsorComment, version: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { current: { version: 1 } } });
    expect(await auditCount()).toBe(before);
    expect(await shown()).toEqual(expect.arrayContaining([officerComment, sponsorComment, correctedComment]));
    expect(await reviewRisks()).toEqual(expect.arrayContaining([officerComment, sponsorComment]));

    await sponsorCaller.progress.deleteComment({
      laureateSlug: IN_SCOPE,
      commentId: sponsorComment,
      version: 1,
    });
    await officerCaller.progress.deleteComment({
      laureateSlug: IN_SCOPE,
      commentId: officerComment,
      version: 1,
    });
    await officerCaller.progress.editComment({
      laureateSlug: IN_SCOPE,
      commentId: correctedComment,
      version: 1,
      body: "Réussite corrigée",
    });
    await officerCaller.progress.deleteComment({
      laureateSlug: IN_SCOPE,
      commentId: correctedComment,
      version: 2,
    });
    const remaining = await shown();
    for (const id of [officerComment, sponsorComment, correctedComment]) expect(remaining).not.toContain(id);
    const risksLeft = await reviewRisks();
    expect(risksLeft).not.toContain(officerComment);
    expect(risksLeft).not.toContain(sponsorComment);
    const today = await officerCaller.progress.forLaureate({ slug: IN_SCOPE, asOf: parisDay() });
    expect(today.comments.map((item) => item.id)).not.toContain(sponsorComment);

    // A day before the deletion still reads the comment, worded as it stood.
    await database.db
      .update(schema.comments)
      .set({ createdAt: sql`now() - interval '3 days'` })
      .where(eq(schema.comments.id, sponsorComment));
    await database.db
      .update(schema.commentRevisions)
      .set({ writtenAt: sql`now() - interval '3 days'` })
      .where(eq(schema.commentRevisions.commentId, sponsorComment));
    const twoDaysAgo = addDays(parisDay(), -2);
    const then = await officerCaller.progress.forLaureate({ slug: IN_SCOPE, asOf: twoDaysAgo });
    expect(then.comments.find((item) => item.id === sponsorComment)).toMatchObject({
      body: "Risque noté par le sponsor",
      revisions: [],
    });
    expect(await reviewRisks(twoDaysAgo)).toContain(sponsorComment);

    // Deleted, it can be neither changed nor deleted again.
    await expect(
      officerCaller.progress.editComment({
        laureateSlug: IN_SCOPE,
        commentId: sponsorComment,
        version: 2,
        body: "Trop tard",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      sponsorCaller.progress.deleteComment({ laureateSlug: IN_SCOPE, commentId: sponsorComment, version: 2 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [deleted] = await database.db
      .select()
      .from(schema.comments)
      .where(eq(schema.comments.id, correctedComment));
    expect(deleted).toMatchObject({ deletedBy: officer.id, version: 3, body: "Réussite corrigée" });
    expect(deleted?.deletedAt).toBeInstanceOf(Date);
    const wordings = await database.db
      .select()
      .from(schema.commentRevisions)
      .where(eq(schema.commentRevisions.commentId, correctedComment))
      .orderBy(asc(schema.commentRevisions.version));
    expect(wordings.map(({ version, body, writtenBy }) => ({ version, body, writtenBy }))).toEqual([
      { version: 1, body: "Réussite à corriger", writtenBy: sponsor.id },
      { version: 2, body: "Réussite corrigée", writtenBy: officer.id },
    ]);

    // The laureate's history says who deleted what and when.
    const history = await sponsorCaller.audit.forLaureate({ slug: IN_SCOPE });
    const deletions = history
      .filter((event) => event.action === "commentaire.suppression")
      .map(({ actor, entityId, before: was, after, occurredAt }) => ({
        actor: actor?.id,
        entityId,
        was,
        after,
        dated: occurredAt instanceof Date,
      }));
    expect(deletions).toEqual([
      {
        actor: officer.id,
        entityId: String(correctedComment),
        was: { type: "Réussites", texte: "Réussite corrigée", redigePar: officer.displayName },
        after: null,
        dated: true,
      },
      {
        actor: officer.id,
        entityId: String(officerComment),
        was: {
          type: "Risques et blocages",
          texte: "Risque noté par la chargée de mission",
          redigePar: officer.displayName,
        },
        after: null,
        dated: true,
      },
      {
        actor: sponsor.id,
        entityId: String(sponsorComment),
        was: {
          type: "Risques et blocages",
          texte: "Risque noté par le sponsor",
          redigePar: sponsor.displayName,
        },
        after: null,
        dated: true,
      },
    ]);
  });

  it("saves a guided update whole, marks milestones and météo fresh, with one audit event", async () => {
    const caller = callerFor(database, sponsor);
    const [first] = await milestonesOf(IN_SCOPE);
    const progress = await caller.progress.forLaureate({ slug: IN_SCOPE });
    const before = await auditCount();
    await caller.progress.submitUpdate({
      laureateSlug: IN_SCOPE,
      weather: {
        period: PERIOD,
        level: "couvert",
        synthesis: "Le prototype a pris du retard.",
        version: progress.weather[0]?.version ?? 0,
      },
      milestones: [
        {
          milestoneId: first?.id ?? 0,
          version: first?.version ?? 0,
          status: "atteint",
          reachedOn: "2026-01-10",
          evidenceNote: "Compte rendu du comité",
          evidenceUrl: "https://exemple.gouv.fr/cr",
        },
      ],
      comments: [{ kind: "prochaines_actions", body: "Relancer le prestataire" }],
    });
    expect(await auditCount()).toBe((before ?? 0) + 1);
    const after = await caller.progress.forLaureate({ slug: IN_SCOPE });
    expect(after.weather[0]).toMatchObject({ level: "couvert", updatedBy: { id: sponsor.id } });
    expect(after.milestones[0]).toMatchObject({ status: "atteint", evidenceNote: "Compte rendu du comité" });
    expect(after.comments[0]).toMatchObject({ kind: "prochaines_actions", body: "Relancer le prestataire" });
    for (const part of after.freshness.filter((item) => item.part !== "finances")) {
      expect(part).toMatchObject({ stale: false, updatedBy: { id: sponsor.id } });
    }
  });

  it("refuses a guided update whole when one milestone was changed meanwhile", async () => {
    const caller = callerFor(database, sponsor);
    const [first, second] = await milestonesOf(IN_SCOPE);
    const progress = await caller.progress.forLaureate({ slug: IN_SCOPE });
    await callerFor(database, officer).progress.updateMilestone({
      laureateSlug: IN_SCOPE,
      milestoneId: second?.id ?? 0,
      version: second?.version ?? 0,
      title: "Titre revu par la DITP",
      description: "",
      dueOn: second?.dueOn ?? "2026-01-01",
      status: "en_cours",
      reachedOn: null,
      evidenceNote: "",
      evidenceUrl: null,
    });
    const before = {
      audit: await auditCount(),
      comments: (await caller.progress.forLaureate({ slug: IN_SCOPE })).comments.length,
      freshness: await database.db.select().from(schema.freshness),
    };
    await expect(
      caller.progress.submitUpdate({
        laureateSlug: IN_SCOPE,
        weather: {
          period: PERIOD,
          level: "orage",
          synthesis: "Tout est bloqué désormais.",
          version: progress.weather[0]?.version ?? 0,
        },
        milestones: [
          {
            milestoneId: first?.id ?? 0,
            version: first?.version ?? 0,
            status: "atteint",
            reachedOn: "2026-01-10",
            evidenceNote: "",
            evidenceUrl: null,
          },
          {
            milestoneId: second?.id ?? 0,
            version: second?.version ?? 0,
            status: "abandonne",
            reachedOn: null,
            evidenceNote: "",
            evidenceUrl: null,
          },
        ],
        comments: [{ kind: "risques_blocages", body: "Ne doit pas être enregistré" }],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Titre revu par la DITP") as unknown,
      cause: { current: { title: "Titre revu par la DITP" } },
    });
    const after = await caller.progress.forLaureate({ slug: IN_SCOPE });
    expect(after.weather[0]?.level).toBe("couvert");
    expect(after.comments).toHaveLength(before.comments);
    expect(await auditCount()).toBe(before.audit);
    expect(await database.db.select().from(schema.freshness)).toEqual(before.freshness);
  });

  it("keeps a tranche from 'service fait' until its milestone is reached, then keeps the milestone reached", async () => {
    const money = callerFor(database, officer);
    const id = await laureateId(IN_SCOPE);
    const [, , third] = await milestonesOf(IN_SCOPE);
    const [tranche] = await database.db
      .insert(schema.tranches)
      .values({
        laureateId: id,
        kind: "acompte",
        position: 50,
        plannedAmountCents: 1_000,
        plannedOn: "2026-01-01",
      })
      .returning();
    await money.finance.setTrancheGate({
      trancheId: tranche?.id ?? 0,
      version: 1,
      milestoneId: third?.id ?? 0,
      idempotencyKey: randomUUID(),
    });
    const move = (version: number) =>
      money.finance.moveTranche({
        trancheId: tranche?.id ?? 0,
        version,
        to: "service_fait",
        on: "2026-11-02",
        idempotencyKey: randomUUID(),
      });
    await expect(move(2)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Cette tranche attend le jalon « ${third?.title ?? ""} » : le service fait ne peut être constaté qu'une fois ce jalon atteint.`,
    });
    const [unchanged] = await database.db
      .select()
      .from(schema.tranches)
      .where(eq(schema.tranches.id, tranche?.id ?? 0));
    expect(unchanged).toMatchObject({ status: "prevu", version: 2 });

    const reach = (status: "atteint" | "en_cours", version: number) =>
      callerFor(database, sponsor).progress.updateMilestone({
        laureateSlug: IN_SCOPE,
        milestoneId: third?.id ?? 0,
        version,
        title: third?.title ?? "",
        description: "",
        dueOn: third?.dueOn ?? "2026-01-01",
        status,
        reachedOn: status === "atteint" ? "2026-11-01" : null,
        evidenceNote: "",
        evidenceUrl: null,
      });
    await reach("atteint", third?.version ?? 0);
    await expect(move(2)).resolves.toMatchObject({ status: "service_fait" });
    await expect(reach("en_cours", (third?.version ?? 0) + 1)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Ce jalon a déjà permis le service fait de la tranche n° 50 : il reste « Atteint ».",
    });
    // A milestone of another laureate cannot gate this tranche.
    const [foreign] = await milestonesOf(OUT_OF_SCOPE);
    const [other] = await database.db
      .insert(schema.tranches)
      .values({
        laureateId: id,
        kind: "solde",
        position: 51,
        plannedAmountCents: 1_000,
        plannedOn: "2026-06-01",
      })
      .returning();
    await expect(
      money.finance.setTrancheGate({
        trancheId: other?.id ?? 0,
        version: 1,
        milestoneId: foreign?.id ?? 0,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("marks finances fresh when money moves", async () => {
    const id = await laureateId("insep-catalyser");
    await callerFor(database, officer).finance.recordPayment({
      laureateSlug: "insep-catalyser",
      amountCents: 100,
      paidOn: "2026-11-02",
      reference: "VIR-ESSAI",
      reason: "Versement d'essai hors échéancier",
      idempotencyKey: randomUUID(),
    });
    const [row] = await database.db
      .select()
      .from(schema.freshness)
      .where(and(eq(schema.freshness.laureateId, id), eq(schema.freshness.part, "finances")));
    expect(row?.updatedBy).toBe(officer.id);
    expect(Date.now() - (row?.updatedAt.getTime() ?? 0)).toBeLessThan(60_000);
  });
});

describe("concurrent edits of the follow-up (two API instances)", () => {
  let database: TestDatabaseHandle;
  let sponsor: SessionUser;
  let officer: SessionUser;
  let otherInstance: Awaited<ReturnType<TestDatabaseHandle["openAnotherInstance"]>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    otherInstance = await database.openAnotherInstance();
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  it("keeps one of two edits made on the same version, and tells the other what is there now", async () => {
    const [milestone] = await database.db
      .select()
      .from(schema.milestones)
      .innerJoin(schema.laureates, eq(schema.laureates.id, schema.milestones.laureateId))
      .where(eq(schema.laureates.slug, IN_SCOPE))
      .orderBy(asc(schema.milestones.position))
      .limit(1);
    const edit = (handle: typeof otherInstance, user: SessionUser, title: string) =>
      callerFor(handle, user).progress.updateMilestone({
        laureateSlug: IN_SCOPE,
        milestoneId: milestone?.milestone.id ?? 0,
        version: milestone?.milestone.version ?? 0,
        title,
        description: "",
        dueOn: "2026-02-01",
        status: "en_cours",
        reachedOn: null,
        evidenceNote: "",
        evidenceUrl: null,
      });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        edit(index % 2 ? otherInstance : database, index % 2 ? sponsor : officer, `Édition ${String(index)}`),
      ),
    );
    const kept = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(kept).toHaveLength(1);
    const [stored] = await database.db
      .select()
      .from(schema.milestones)
      .where(eq(schema.milestones.id, milestone?.milestone.id ?? 0));
    expect(stored?.version).toBe((milestone?.milestone.version ?? 0) + 1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toMatchObject({
          code: "CONFLICT",
          cause: { current: { title: stored?.title } },
        });
      }
    }
  });

  it("declares a period's météo once when two people declare it at the same time", async () => {
    const declare = (handle: typeof otherInstance, user: SessionUser, level: "soleil" | "orage") =>
      callerFor(handle, user).progress.declareWeather({
        laureateSlug: "chms-ehpad-aix-les-bains",
        period: "2020-01",
        level,
        synthesis: "Déclaration concurrente de test",
        version: 0,
      });
    const outcomes = await Promise.allSettled([
      declare(database, sponsor, "soleil"),
      declare(otherInstance, officer, "orage"),
      declare(database, officer, "orage"),
      declare(otherInstance, sponsor, "soleil"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(schema.weatherReports)
      .where(eq(schema.weatherReports.period, "2020-01"));
    expect(rows).toHaveLength(1);
  });
});
