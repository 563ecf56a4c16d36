import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { describeAuditChanges, type SessionUser } from "@defis/domain";
import { asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";
import { anIndicator, auditCount, IN_SCOPE, OUT_OF_SCOPE } from "./impact-fixtures.js";

const { auditEvents, commonIndicators, indicators, indicatorYearlyTargets } = schema;

describe("a laureate's indicators: defined by officers, proposed by sponsors", () => {
  let database: TestDatabaseHandle;
  let officer: SessionUser;
  let sponsor: SessionUser;
  let leadership: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    leadership = await sessionUserOf(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  async function indicatorRow(id: number) {
    const [row] = await database.db.select().from(indicators).where(eq(indicators.id, id));
    return row;
  }

  async function yearlyTargetsOf(id: number) {
    return database.db
      .select({ year: indicatorYearlyTargets.year, value: indicatorYearlyTargets.value })
      .from(indicatorYearlyTargets)
      .where(eq(indicatorYearlyTargets.indicatorId, id))
      .orderBy(asc(indicatorYearlyTargets.year));
  }

  async function latestEvent() {
    const [event] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    return event;
  }

  it("lets an officer define a followed indicator with its yearly targets, in one audited transaction", async () => {
    const before = await auditCount(database);
    const { indicatorId } = await callerFor(database, officer).impact.defineIndicator(
      anIndicator(IN_SCOPE, "Dossiers dématérialisés"),
    );
    expect(await indicatorRow(indicatorId)).toMatchObject({
      status: "suivi",
      decidedBy: officer.id,
      decidedAt: expect.any(Date) as unknown,
      proposedBy: null,
      updatedBy: officer.id,
      version: 1,
    });
    expect(await yearlyTargetsOf(indicatorId)).toEqual([
      { year: 2025, value: 400 },
      { year: 2026, value: 700 },
    ]);
    expect(await auditCount(database)).toBe(before + 1);
    const event = await latestEvent();
    expect(event).toMatchObject({
      action: "indicateur.creation",
      entity: "indicateur",
      actorUserId: officer.id,
    });
    const lines = describeAuditChanges(event?.action ?? "", event?.before ?? null, event?.after ?? null);
    expect(lines.filter((line) => !line.labelled)).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ field: "Cibles annuelles", after: "2025 : 400 ; 2026 : 700" }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ field: "Statut", after: "Suivi" }));
    const impact = await callerFor(database, leadership).impact.forLaureate({ slug: IN_SCOPE });
    expect(impact.indicators.find((indicator) => indicator.id === indicatorId)).toMatchObject({
      status: "suivi",
      yearlyTargets: [
        { year: 2025, value: 400 },
        { year: 2026, value: 700 },
      ],
      latest: null,
    });
  });

  it("refuses a name already used on the laureate, a common indicator that does not exist or counts in another unit", async () => {
    const caller = callerFor(database, officer);
    await caller.impact.defineIndicator(anIndicator(IN_SCOPE, "Délai moyen de traitement"));
    const before = { audit: await auditCount(database), rows: await database.db.select().from(indicators) };
    await expect(
      caller.impact.defineIndicator(anIndicator(IN_SCOPE, "Délai moyen de traitement")),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Ce lauréat a déjà un indicateur nommé « Délai moyen de traitement ».",
    });
    await expect(
      caller.impact.defineIndicator(anIndicator(IN_SCOPE, "Rattaché à rien", { commonIndicatorId: 999_999 })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Cet indicateur commun n'existe pas ou plus." });
    const [common] = await database.db
      .insert(commonIndicators)
      .values({ name: "Usagers touchés", unit: "nombre", aggregation: "somme" })
      .returning();
    await expect(
      caller.impact.defineIndicator(
        anIndicator(IN_SCOPE, "Part des usagers", {
          unit: "pourcentage",
          commonIndicatorId: common?.id ?? 0,
        }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "L'indicateur commun « Usagers touchés » se compte en « Nombre » : l'indicateur doit avoir la même unité.",
    });
    expect(await auditCount(database)).toBe(before.audit);
    expect(await database.db.select().from(indicators)).toEqual(before.rows);
    // The same name on another laureate, and the right unit, are fine.
    await caller.impact.defineIndicator(
      anIndicator(OUT_OF_SCOPE, "Délai moyen de traitement", { commonIndicatorId: common?.id ?? 0 }),
    );
  });

  it("keeps defining and deciding to officers, proposing to sponsors of the laureate", async () => {
    const definition = anIndicator(IN_SCOPE, "Agents formés");
    const before = await auditCount(database);
    for (const user of [sponsor, leadership]) {
      await expect(callerFor(database, user).impact.defineIndicator(definition)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(database, officer).impact.proposeIndicator(definition)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(database, sponsor).impact.proposeIndicator({ ...definition, laureateSlug: OUT_OF_SCOPE }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Ce lauréat n'est pas dans votre périmètre." });
    expect(await auditCount(database)).toBe(before);
  });

  it("refuses an edit made on an older version and replaces the yearly targets", async () => {
    const caller = callerFor(database, officer);
    const { indicatorId } = await caller.impact.defineIndicator(anIndicator(IN_SCOPE, "Démarches en ligne"));
    await caller.impact.updateIndicator({
      ...anIndicator(IN_SCOPE, "Démarches en ligne", {
        targetValue: 2_000,
        yearlyTargets: [{ year: 2027, value: 1_500 }],
      }),
      indicatorId,
      version: 1,
    });
    expect(await indicatorRow(indicatorId)).toMatchObject({
      targetValue: 2_000,
      version: 2,
      status: "suivi",
    });
    expect(await yearlyTargetsOf(indicatorId)).toEqual([{ year: 2027, value: 1_500 }]);
    const event = await latestEvent();
    expect(event).toMatchObject({
      action: "indicateur.modification",
      before: {
        cible: 1_000,
        ciblesAnnuelles: [
          { annee: 2025, valeur: 400 },
          { annee: 2026, valeur: 700 },
        ],
      },
      after: { cible: 2_000, ciblesAnnuelles: [{ annee: 2027, valeur: 1_500 }] },
    });
    const before = await auditCount(database);
    await expect(
      caller.impact.updateIndicator({
        ...anIndicator(IN_SCOPE, "Démarches en ligne", { targetValue: 3_000 }),
        indicatorId,
        version: 1,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("« Démarches en ligne » a été modifié entre-temps") as unknown,
      cause: { current: { version: 2, targetValue: 2_000, yearlyTargets: [{ year: 2027, value: 1_500 }] } },
    });
    // Renaming it as another indicator of the laureate is refused too.
    await expect(
      caller.impact.updateIndicator({
        ...anIndicator(IN_SCOPE, "Dossiers dématérialisés"),
        indicatorId,
        version: 2,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("déjà un indicateur") as unknown,
    });
    expect(await auditCount(database)).toBe(before);
    expect(await yearlyTargetsOf(indicatorId)).toEqual([{ year: 2027, value: 1_500 }]);
    // Another laureate's slug does not open it.
    await expect(
      caller.impact.updateIndicator({
        ...anIndicator(OUT_OF_SCOPE, "Démarches en ligne"),
        indicatorId,
        version: 2,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets a sponsor propose, and an officer accept or refuse, a proposal only", async () => {
    const sponsorCaller = callerFor(database, sponsor);
    const officerCaller = callerFor(database, officer);
    const accepted = await sponsorCaller.impact.proposeIndicator(
      anIndicator(IN_SCOPE, "Rendez-vous honorés"),
    );
    const refused = await sponsorCaller.impact.proposeIndicator(anIndicator(IN_SCOPE, "Visites du site"));
    expect(await indicatorRow(accepted.indicatorId)).toMatchObject({
      status: "propose",
      proposedBy: sponsor.id,
      decidedAt: null,
      decidedBy: null,
    });
    expect(await latestEvent()).toMatchObject({ action: "indicateur.proposition", actorUserId: sponsor.id });
    const today = await callerFor(database, leadership).impact.forLaureate({ slug: IN_SCOPE });
    expect(today.indicators.find((indicator) => indicator.id === accepted.indicatorId)).toMatchObject({
      status: "propose",
      proposedBy: sponsor.displayName,
    });

    await expect(
      sponsorCaller.impact.decideProposal({
        laureateSlug: IN_SCOPE,
        indicatorId: accepted.indicatorId,
        version: 1,
        decision: "accepter",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await officerCaller.impact.decideProposal({
      laureateSlug: IN_SCOPE,
      indicatorId: accepted.indicatorId,
      version: 1,
      decision: "accepter",
    });
    expect(await indicatorRow(accepted.indicatorId)).toMatchObject({
      status: "suivi",
      decidedBy: officer.id,
      decidedAt: expect.any(Date) as unknown,
      proposedBy: sponsor.id,
      version: 2,
    });
    await officerCaller.impact.decideProposal({
      laureateSlug: IN_SCOPE,
      indicatorId: refused.indicatorId,
      version: 1,
      decision: "refuser",
      reason: "Ne mesure pas l'effet sur les usagers.",
    });
    expect(await indicatorRow(refused.indicatorId)).toMatchObject({
      status: "refuse",
      refusalReason: "Ne mesure pas l'effet sur les usagers.",
    });
    const event = await latestEvent();
    expect(describeAuditChanges(event?.action ?? "", event?.before ?? null, event?.after ?? null)).toEqual([
      expect.objectContaining({ field: "Statut", before: "Proposé", after: "Refusé" }),
      expect.objectContaining({ field: "Raison du refus", after: "Ne mesure pas l'effet sur les usagers." }),
    ]);

    const before = await auditCount(database);
    await expect(
      officerCaller.impact.decideProposal({
        laureateSlug: IN_SCOPE,
        indicatorId: accepted.indicatorId,
        version: 2,
        decision: "refuser",
        reason: "Trop tard pour refuser",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "L'indicateur « Rendez-vous honorés » n'est pas une proposition en attente : il n'y a rien à accepter ou refuser.",
    });
    await expect(
      officerCaller.impact.decideProposal({
        laureateSlug: IN_SCOPE,
        indicatorId: refused.indicatorId,
        version: 1,
        decision: "accepter",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { current: { status: "refuse", version: 2 } } });
    expect(await auditCount(database)).toBe(before);
    const after = await callerFor(database, leadership).impact.forLaureate({ slug: IN_SCOPE });
    expect(after.indicators.find((indicator) => indicator.id === refused.indicatorId)).toMatchObject({
      status: "refuse",
      refusalReason: "Ne mesure pas l'effet sur les usagers.",
    });
  });
});
