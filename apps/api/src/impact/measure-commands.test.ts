import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { addDays, describeAuditChanges, type SessionUser } from "@defis/domain";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { callerFor, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";
import { aFollowedIndicator, anIndicator, auditCount, IN_SCOPE, OUT_OF_SCOPE } from "./impact-fixtures.js";

const { auditEvents, indicators, indicatorMeasures, indicatorMeasureVersions } = schema;

describe("measures of a laureate's indicators", () => {
  let database: TestDatabaseHandle;
  let officer: SessionUser;
  let sponsor: SessionUser;
  let leadership: SessionUser;
  const today = parisDay();

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    leadership = await sessionUserOf(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  const measure = (indicatorId: number, measuredOn: string, value: number, laureateSlug = IN_SCOPE) => ({
    laureateSlug,
    indicatorId,
    measuredOn,
    value,
    source: "Tableau de bord",
    comment: "",
  });

  async function measuresOf(indicatorId: number) {
    return database.db.select().from(indicatorMeasures).where(eq(indicatorMeasures.indicatorId, indicatorId));
  }

  it("lets a sponsor of the laureate enter a measure of a followed indicator, audited", async () => {
    const indicator = await aFollowedIndicator(database, IN_SCOPE, "Usagers accompagnés");
    const { measureId } = await callerFor(database, sponsor).impact.recordMeasure(
      measure(indicator.id, "2025-06-30", 250.5),
    );
    expect(await measuresOf(indicator.id)).toEqual([
      expect.objectContaining({
        id: measureId,
        value: 250.5,
        measuredOn: "2025-06-30",
        createdBy: sponsor.id,
        updatedBy: sponsor.id,
        version: 1,
      }),
    ]);
    const [event] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: "mesure.saisie", entity: "mesure", entityId: String(measureId) });
    expect(describeAuditChanges(event?.action ?? "", null, event?.after ?? null)).toEqual([
      expect.objectContaining({ field: "Indicateur", after: "Usagers accompagnés" }),
      expect.objectContaining({ field: "Date de la mesure", after: "30/06/2025" }),
      expect.objectContaining({ field: "Valeur", after: "250,5" }),
      expect.objectContaining({ field: "Source", after: "Tableau de bord" }),
    ]);
    const impact = await callerFor(database, leadership).impact.forLaureate({ slug: IN_SCOPE });
    expect(impact.indicators.find((item) => item.id === indicator.id)?.latest).toEqual({
      value: 250.5,
      measuredOn: "2025-06-30",
    });
    expect(impact.measures.find((item) => item.id === measureId)).toMatchObject({
      value: 250.5,
      writtenBy: sponsor.displayName,
      corrections: [],
    });
  });

  it("refuses, writing nothing: out of scope, direction, a second measure on a day, a future day, before the baseline, a proposal, another laureate's indicator", async () => {
    const indicator = await aFollowedIndicator(database, IN_SCOPE, "Dossiers instruits");
    const proposed = await aFollowedIndicator(database, IN_SCOPE, "Proposition en attente", "propose");
    const foreign = await aFollowedIndicator(database, OUT_OF_SCOPE, "Indicateur d'un autre lauréat");
    const caller = callerFor(database, sponsor);
    await caller.impact.recordMeasure(measure(indicator.id, "2025-03-31", 120));
    const before = {
      audit: await auditCount(database),
      measures: await database.db.select().from(indicatorMeasures),
    };
    const refusals: [() => Promise<unknown>, Record<string, unknown>][] = [
      [
        () => caller.impact.recordMeasure(measure(foreign.id, "2025-03-31", 1, OUT_OF_SCOPE)),
        { code: "FORBIDDEN", message: "Ce lauréat n'est pas dans votre périmètre." },
      ],
      [
        () => callerFor(database, leadership).impact.recordMeasure(measure(indicator.id, "2025-04-30", 1)),
        { code: "FORBIDDEN" },
      ],
      [
        () => caller.impact.recordMeasure(measure(indicator.id, "2025-03-31", 130)),
        { code: "CONFLICT", message: "Une mesure existe déjà à cette date : corrigez-la." },
      ],
      [
        () => caller.impact.recordMeasure(measure(indicator.id, addDays(today, 1), 130)),
        { code: "BAD_REQUEST", message: expect.stringContaining("au plus tard d'aujourd'hui") as unknown },
      ],
      [
        () => caller.impact.recordMeasure(measure(indicator.id, "2023-12-31", 130)),
        {
          code: "BAD_REQUEST",
          message:
            "« Dossiers instruits » : une mesure ne peut précéder la valeur initiale, datée du 01/01/2024.",
        },
      ],
      [
        () => caller.impact.recordMeasure(measure(proposed.id, "2025-03-31", 1)),
        {
          code: "PRECONDITION_FAILED",
          message: "L'indicateur « Proposition en attente » n'est pas suivi : il ne reçoit pas de mesure.",
        },
      ],
      [
        // An in-scope slug does not open another laureate's indicator.
        () => caller.impact.recordMeasure(measure(foreign.id, "2025-03-31", 1)),
        { code: "NOT_FOUND", message: "Cet indicateur n'existe pas ou plus pour ce lauréat." },
      ],
    ];
    for (const [attempt, refusal] of refusals) await expect(attempt()).rejects.toMatchObject(refusal);
    expect(await auditCount(database)).toBe(before.audit);
    expect(await database.db.select().from(indicatorMeasures)).toEqual(before.measures);
    // Today is not the future.
    await caller.impact.recordMeasure(measure(indicator.id, today, 140));
  });

  it("keeps a corrected value in the history: a day before the correction reads the former value", async () => {
    const indicator = await aFollowedIndicator(database, IN_SCOPE, "Délai de réponse");
    const measuredOn = addDays(today, -25);
    const { measureId } = await callerFor(database, sponsor).impact.recordMeasure(
      measure(indicator.id, measuredOn, 300),
    );
    // As if the indicator was followed a month ago and the measure entered 20 days ago.
    await database.db
      .update(indicators)
      .set({ decidedAt: sql`now() - interval '30 days'` })
      .where(eq(indicators.id, indicator.id));
    await database.db
      .update(indicatorMeasureVersions)
      .set({ validFrom: sql`now() - interval '20 days'` })
      .where(eq(indicatorMeasureVersions.measureId, measureId));

    const officerCaller = callerFor(database, officer);
    const correction = {
      laureateSlug: IN_SCOPE,
      measureId,
      version: 1,
      value: 320,
      source: "Tableau de bord corrigé",
      comment: "Erreur de saisie",
    };
    await expect(
      officerCaller.impact.correctMeasure({ ...correction, laureateSlug: OUT_OF_SCOPE }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Cette mesure n'existe pas ou plus pour ce lauréat.",
    });
    await officerCaller.impact.correctMeasure(correction);
    const before = await auditCount(database);
    await expect(officerCaller.impact.correctMeasure({ ...correction, value: 999 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("« Délai de réponse » a été corrigée entre-temps") as unknown,
      cause: { current: { value: 320, version: 2 } },
    });
    expect(await auditCount(database)).toBe(before);

    const [event] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({
      action: "mesure.correction",
      before: { valeur: 300, source: "Tableau de bord", commentaire: "" },
      after: { valeur: 320, source: "Tableau de bord corrigé", commentaire: "Erreur de saisie" },
    });
    expect(await measuresOf(indicator.id)).toEqual([
      expect.objectContaining({ value: 320, version: 2, createdBy: sponsor.id, updatedBy: officer.id }),
    ]);

    const reader = callerFor(database, leadership);
    const now = await reader.impact.forLaureate({ slug: IN_SCOPE });
    expect(now.indicators.find((item) => item.id === indicator.id)?.latest?.value).toBe(320);
    expect(now.measures.find((item) => item.id === measureId)).toMatchObject({
      value: 320,
      writtenBy: officer.displayName,
      corrections: [{ value: 300, source: "Tableau de bord", writtenBy: sponsor.displayName }],
    });
    const then = await reader.impact.forLaureate({ slug: IN_SCOPE, asOf: addDays(today, -5) });
    expect(then.indicators.find((item) => item.id === indicator.id)?.latest).toEqual({
      value: 300,
      measuredOn,
    });
    expect(then.measures.find((item) => item.id === measureId)).toMatchObject({
      value: 300,
      writtenBy: sponsor.displayName,
      corrections: [],
    });
    // Before it was entered, the measure was not known.
    const earlier = await reader.impact.forLaureate({ slug: IN_SCOPE, asOf: addDays(today, -22) });
    expect(earlier.indicators.find((item) => item.id === indicator.id)?.latest).toBeNull();
    expect(earlier.measures.find((item) => item.id === measureId)).toBeUndefined();
  });
});

describe("concurrent entries (two API instances)", () => {
  let database: TestDatabaseHandle;
  let otherInstance: Awaited<ReturnType<TestDatabaseHandle["openAnotherInstance"]>>;
  let sponsor: SessionUser;
  let officer: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    otherInstance = await database.openAnotherInstance();
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  it("keeps one measure per indicator and day, and one indicator per name, telling the others why", async () => {
    const indicator = await aFollowedIndicator(database, IN_SCOPE, "Mesuré deux fois");
    const record = (index: number) =>
      callerFor(index % 2 ? otherInstance : database, index % 2 ? sponsor : officer).impact.recordMeasure({
        laureateSlug: IN_SCOPE,
        indicatorId: indicator.id,
        measuredOn: "2025-12-31",
        value: index,
        source: "",
        comment: "",
      });
    const measures = await Promise.allSettled(Array.from({ length: 6 }, (_, index) => record(index)));
    expect(measures.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of measures.filter((item) => item.status === "rejected")) {
      expect(outcome.reason).toMatchObject({
        code: "CONFLICT",
        message: "Une mesure existe déjà à cette date : corrigez-la.",
      });
    }
    expect(
      await database.db
        .select()
        .from(indicatorMeasures)
        .where(eq(indicatorMeasures.indicatorId, indicator.id)),
    ).toHaveLength(1);

    const define = (index: number) =>
      callerFor(index % 2 ? otherInstance : database, officer).impact.defineIndicator(
        anIndicator(IN_SCOPE, "Défini deux fois"),
      );
    const definitions = await Promise.allSettled(Array.from({ length: 4 }, (_, index) => define(index)));
    expect(definitions.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of definitions.filter((item) => item.status === "rejected")) {
      expect(outcome.reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("déjà") as unknown,
      });
    }
  });

  it("refuses in French the second of two renames to one name, and a rename racing a definition", async () => {
    const first = await aFollowedIndicator(database, IN_SCOPE, "Renommé A");
    const second = await aFollowedIndicator(database, IN_SCOPE, "Renommé B");
    const rename = (index: number, indicator: { id: number; version: number }) =>
      callerFor(index % 2 ? otherInstance : database, officer).impact.updateIndicator({
        ...anIndicator(IN_SCOPE, "Nom disputé"),
        indicatorId: indicator.id,
        version: indicator.version,
      });
    const define = () =>
      callerFor(database, officer).impact.defineIndicator(anIndicator(IN_SCOPE, "Nom disputé"));
    const outcomes = await Promise.allSettled([rename(0, first), rename(1, second), define()]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((item) => item.status === "rejected")) {
      expect(outcome.reason).toMatchObject({
        code: "CONFLICT",
        message: "Ce lauréat a déjà un indicateur nommé « Nom disputé ».",
      });
    }
  });
});
