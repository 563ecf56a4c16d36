import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import {
  STALE_VERSION_MESSAGE,
  type CategoryKey,
  type DefineCommonIndicatorInput,
  type ImpactPortfolio,
} from "@defis/domain";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** The value a test set up: its absence is the test's own mistake. */
function present<Value>(value: Value | undefined | null): Value {
  if (value === undefined || value === null) throw new Error("Valeur attendue absente");
  return value;
}

const { auditEvents, indicatorMeasures, indicators, laureates } = schema;

const BEFORE_LATE_ENTRY = "2025-04-30";
const AFTER_LATE_ENTRY = "2025-06-01";

const usersReached: DefineCommonIndicatorInput = {
  name: "Usagers accompagnés (essai)",
  unit: "nombre",
  unitLabel: "",
  aggregation: "somme",
  description: "Personnes accompagnées par le service.",
};
const processingDelay: DefineCommonIndicatorInput = {
  name: "Délai moyen de traitement (essai)",
  unit: "jours",
  unitLabel: "",
  aggregation: "moyenne_ponderee",
  description: "Pondéré par le nombre de dossiers.",
};

describe("impact across the portfolio", () => {
  let database: TestDatabaseHandle;
  let officer: Caller;
  let leadership: Caller;
  /** One laureate of each category. */
  const laureateOf = {} as Record<CategoryKey, { id: number; slug: string }>;
  const ids = { usersReached: 0, processingDelay: 0 };
  const indicatorIds: Record<string, number> = {};
  /** The portfolio's counts before this file's indicators (the demonstration may have its own). */
  let countsBefore: ImpactPortfolio["counts"];

  async function followed(
    key: string,
    laureate: CategoryKey,
    facts: Partial<typeof indicators.$inferInsert> &
      Pick<typeof indicators.$inferInsert, "baselineValue" | "targetValue">,
  ) {
    const [row] = await database.db
      .insert(indicators)
      .values({
        laureateId: laureateOf[laureate].id,
        name: `Indicateur ${key}`,
        unit: "nombre",
        subject: "usagers",
        direction: "hausse",
        baselineOn: "2025-01-01",
        targetOn: "2026-12-31",
        periodicity: "trimestrielle",
        status: "suivi",
        decidedAt: new Date("2025-01-02T10:00:00Z"),
        ...facts,
      })
      .returning({ id: indicators.id });
    indicatorIds[key] = present(row).id;
  }

  /** A measure entered (hence known) on `enteredOn`. */
  async function measure(key: string, measuredOn: string, value: number, enteredOn: string) {
    const [indicator] = await database.db
      .select({ laureateId: indicators.laureateId })
      .from(indicators)
      .where(eq(indicators.id, present(indicatorIds[key])));
    await database.db.insert(indicatorMeasures).values({
      indicatorId: present(indicatorIds[key]),
      laureateId: present(indicator).laureateId,
      measuredOn,
      value,
      createdAt: new Date(`${enteredOn}T09:00:00Z`),
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
    const rows = await database.db
      .select({ id: laureates.id, slug: laureates.slug, category: laureates.category })
      .from(laureates)
      .orderBy(asc(laureates.id));
    for (const category of ["organisations", "numerique", "parcours-usagers"] as const) {
      const laureate = rows.find((row) => row.category === category);
      if (!laureate) throw new Error(category);
      laureateOf[category] = laureate;
    }
    countsBefore = (await leadership.impact.portfolio({ asOf: BEFORE_LATE_ENTRY })).counts;
  });
  afterAll(() => database.close());

  describe("the catalogue", () => {
    it("defines common indicators, with their audit event, for officers only", async () => {
      const [before] = await database.db.select({ total: count() }).from(auditEvents);
      ids.usersReached = (await officer.impact.defineCommonIndicator(usersReached)).commonIndicatorId;
      ids.processingDelay = (await officer.impact.defineCommonIndicator(processingDelay)).commonIndicatorId;
      const [after] = await database.db.select({ total: count() }).from(auditEvents);
      expect(present(after).total).toBe(present(before).total + 2);
      const [event] = await database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(ids.processingDelay)))
        .orderBy(asc(auditEvents.id));
      expect(event).toMatchObject({
        action: "indicateur-commun.creation",
        entity: "indicateur_commun",
        after: { nom: processingDelay.name, unite: "jours", agregation: "moyenne_ponderee" },
      });
      await expect(
        leadership.impact.defineCommonIndicator({ ...usersReached, name: "Autre" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const catalogue = await leadership.impact.commonIndicators();
      expect(catalogue.find((item) => item.id === ids.usersReached)).toMatchObject({
        name: usersReached.name,
        version: 1,
        linkedIndicators: 0,
      });
    });

    it("refuses a name already taken, a stale version, a free unit without its wording: nothing written", async () => {
      const [before] = await database.db.select({ total: count() }).from(auditEvents);
      await expect(officer.impact.defineCommonIndicator(usersReached)).rejects.toMatchObject({
        code: "CONFLICT",
        message: `Un indicateur commun s'appelle déjà « ${usersReached.name} » : choisissez un autre nom.`,
      });
      await expect(
        officer.impact.updateCommonIndicator({
          ...processingDelay,
          name: usersReached.name,
          commonIndicatorId: ids.processingDelay,
          version: 1,
        }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(
        officer.impact.updateCommonIndicator({
          ...processingDelay,
          commonIndicatorId: ids.processingDelay,
          version: 7,
        }),
      ).rejects.toThrow(STALE_VERSION_MESSAGE);
      await expect(
        officer.impact.defineCommonIndicator({ ...usersReached, name: "Unité libre", unit: "libre" }),
      ).rejects.toMatchObject({ message: "Précisez l'unité." });
      const [after] = await database.db.select({ total: count() }).from(auditEvents);
      expect(present(after).total).toBe(present(before).total);
    });

    it("changes the unit while nothing followed is linked, and keeps it once something is", async () => {
      const changed = await officer.impact.updateCommonIndicator({
        ...processingDelay,
        unit: "nombre",
        commonIndicatorId: ids.processingDelay,
        version: 1,
      });
      expect(changed.version).toBe(2);
      const back = await officer.impact.updateCommonIndicator({
        ...processingDelay,
        commonIndicatorId: ids.processingDelay,
        version: 2,
      });
      expect(back.version).toBe(3);
      await followed("délai-organisations", "organisations", {
        unit: "jours",
        direction: "baisse",
        baselineValue: 40,
        targetValue: 20,
        commonIndicatorId: ids.processingDelay,
        weight: 300,
      });
      await expect(
        officer.impact.updateCommonIndicator({
          ...processingDelay,
          unit: "nombre",
          commonIndicatorId: ids.processingDelay,
          version: 3,
        }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: "L'unité reste « Jours » : 1 indicateur suivi y est rattaché, mesuré dans cette unité.",
      });
      // The wording may still change.
      const reworded = await officer.impact.updateCommonIndicator({
        ...processingDelay,
        description: "Moyenne pondérée par les dossiers traités.",
        commonIndicatorId: ids.processingDelay,
        version: 3,
      });
      expect(reworded.version).toBe(4);
      const catalogue = await officer.impact.commonIndicators();
      expect(catalogue.find((item) => item.id === ids.processingDelay)?.linkedIndicators).toBe(1);
    });
  });

  describe("the aggregation, as known on a day", () => {
    beforeAll(async () => {
      // The indicator of the previous block counts too (délai-organisations, 40 → 20, weight 300).
      await followed("délai-numerique", "numerique", {
        unit: "jours",
        direction: "baisse",
        baselineValue: 10,
        targetValue: 5,
        commonIndicatorId: ids.processingDelay,
        weight: 100,
      });
      await followed("usagers-organisations", "organisations", {
        baselineValue: 0,
        targetValue: 1000,
        commonIndicatorId: ids.usersReached,
      });
      await followed("usagers-numerique", "numerique", {
        baselineValue: 100,
        targetValue: 500,
        commonIndicatorId: ids.usersReached,
      });
      await followed("usagers-parcours", "parcours-usagers", {
        baselineValue: 50,
        targetValue: 300,
        commonIndicatorId: ids.usersReached,
      });
      await followed("satisfaction-parcours", "parcours-usagers", {
        unit: "pourcentage",
        baselineValue: 60,
        targetValue: 80,
      });
      // Neither counts on the days below: a proposal, and an indicator followed only from June.
      await followed("proposé", "numerique", {
        baselineValue: 0,
        targetValue: 10,
        commonIndicatorId: ids.usersReached,
        status: "propose",
        decidedAt: null,
      });
      await followed("suivi-en-juin", "numerique", {
        baselineValue: 0,
        targetValue: 10,
        commonIndicatorId: ids.usersReached,
        decidedAt: new Date("2025-06-15T10:00:00Z"),
      });
      await measure("délai-organisations", "2025-03-31", 30, "2025-04-02");
      await measure("usagers-organisations", "2025-03-31", 400, "2025-04-02");
      await measure("usagers-numerique", "2025-03-31", 250, "2025-04-02");
      await measure("satisfaction-parcours", "2025-03-31", 85, "2025-04-01");
      // Dated March, entered in May: unknown at the end of April.
      await measure("usagers-parcours", "2025-03-31", 120, "2025-05-20");
      await measure("usagers-numerique", "2025-05-15", 500, "2025-05-16");
      await measure("usagers-organisations", "2025-06-30", 700, "2025-07-03");
      await measure("suivi-en-juin", "2025-03-31", 5, "2025-04-02");
    });

    it("sums a count over three laureates, one not yet measured counting at its baseline", async () => {
      const portfolio = await leadership.impact.portfolio({ asOf: BEFORE_LATE_ENTRY });
      const users = present(portfolio.common.find((item) => item.id === ids.usersReached));
      // baseline 0 + 100 + 50; current 400 + 250 + 50 (the March measure of the third entered in May); target 1000 + 500 + 300.
      expect(users.overall).toEqual({ baseline: 150, current: 700, target: 1800, reporting: 3, measured: 2 });
      expect(users.rule).toContain("s'additionnent");
      expect(users.byCategory).toEqual([
        {
          category: "organisations",
          totals: { baseline: 0, current: 400, target: 1000, reporting: 1, measured: 1 },
        },
        {
          category: "numerique",
          totals: { baseline: 100, current: 250, target: 500, reporting: 1, measured: 1 },
        },
        {
          category: "parcours-usagers",
          totals: { baseline: 50, current: null, target: 300, reporting: 1, measured: 0 },
        },
      ]);
      expect(users.contributors.map((item) => [item.slug, item.currentValue, item.weight])).toEqual([
        [laureateOf.organisations.slug, 400, 1],
        [laureateOf.numerique.slug, 250, 1],
        [laureateOf["parcours-usagers"].slug, null, 1],
      ]);
    });

    it("averages a mean weighted by each laureate's weight", async () => {
      const portfolio = await leadership.impact.portfolio({ asOf: BEFORE_LATE_ENTRY });
      const delay = present(portfolio.common.find((item) => item.id === ids.processingDelay));
      // (40×300 + 10×100) / 400 = 32.5; (30×300 + 10×100) / 400 = 25; (20×300 + 5×100) / 400 = 16.25.
      expect(delay.overall).toEqual({
        baseline: 32.5,
        current: 25,
        target: 16.25,
        reporting: 2,
        measured: 1,
      });
      expect(delay.rule).toContain("poids");
    });

    it("reads the late entry once known, and counts the portfolio's indicators", async () => {
      const later = await leadership.impact.portfolio({ asOf: AFTER_LATE_ENTRY });
      expect(later.common.find((item) => item.id === ids.usersReached)?.overall).toMatchObject({
        current: 400 + 500 + 120,
        measured: 3,
      });
      const portfolio = await leadership.impact.portfolio({ asOf: BEFORE_LATE_ENTRY });
      // Six followed; four measured; the satisfaction reached its target; two due since 1 April without a measure.
      expect({
        followed: portfolio.counts.followed - countsBefore.followed,
        measured: portfolio.counts.measured - countsBefore.measured,
        targetReached: portfolio.counts.targetReached - countsBefore.targetReached,
        toUpdate: portfolio.counts.toUpdate - countsBefore.toUpdate,
      }).toEqual({ followed: 6, measured: 4, targetReached: 1, toUpdate: 2 });
      const own = portfolio.own.find((group) => group.slug === laureateOf["parcours-usagers"].slug);
      // The laureate's demonstration indicators stand beside the test's own.
      const tested = new Set<number>(Object.values(indicatorIds));
      expect(own?.indicators.filter((indicator) => tested.has(indicator.id))).toEqual([
        expect.objectContaining({
          id: indicatorIds["satisfaction-parcours"],
          currentValue: 85,
          progressRate: 1,
          targetReached: true,
        }),
      ]);
    });

    it("refuses a day to come", async () => {
      await expect(leadership.impact.portfolio({ asOf: "2999-01-01" })).rejects.toMatchObject({
        message: "La date ne peut pas être postérieure à aujourd'hui.",
      });
    });

    it("freezes impact in a review, and says what changed since the previous one", async () => {
      const first = await officer.reviews.open({ asOf: BEFORE_LATE_ENTRY, title: "Revue d'avril (essai)" });
      const second = await officer.reviews.open({ asOf: AFTER_LATE_ENTRY, title: "Revue de juin (essai)" });
      const frozen = await leadership.reviews.byId({ id: first.id });
      expect(
        frozen.snapshot.impact?.common.find((item) => item.id === ids.usersReached)?.overall.current,
      ).toBe(700);
      const review = await leadership.reviews.byId({ id: second.id });
      const mine = new Set(Object.values(indicatorIds));
      const changes = present(review.impactChanges);
      expect(changes.previousAsOf).toBe(BEFORE_LATE_ENTRY);
      expect(
        changes.newMeasures
          .filter((item) => mine.has(item.indicatorId))
          .map((item) => [item.indicator, item.value, item.measuredOn]),
      ).toEqual([
        ["Indicateur usagers-numerique", 500, "2025-05-15"],
        ["Indicateur usagers-parcours", 120, "2025-03-31"],
      ]);
      expect(changes.targetsReached.filter((item) => mine.has(item.indicatorId))).toEqual([
        expect.objectContaining({
          slug: laureateOf.numerique.slug,
          indicator: "Indicateur usagers-numerique",
        }),
      ]);
      expect(
        changes.toUpdate
          .filter((item) => mine.has(item.indicatorId))
          .map((item) => [item.indicator, item.nextDueOn]),
      ).toEqual([["Indicateur délai-numerique", "2025-04-01"]]);
    });

    it("still shows a review frozen before impact was followed", async () => {
      const [row] = await database.db
        .select({ snapshot: schema.portfolioReviews.snapshot })
        .from(schema.portfolioReviews)
        .where(eq(schema.portfolioReviews.asOf, BEFORE_LATE_ENTRY));
      const { impact: _impact, ...older } = present(row).snapshot;
      const [inserted] = await database.db
        .insert(schema.portfolioReviews)
        .values({ asOf: "2025-03-15", title: "Revue ancienne (essai)", snapshot: older })
        .returning({ id: schema.portfolioReviews.id });
      const review = await leadership.reviews.byId({ id: present(inserted).id });
      expect(review.snapshot.impact).toBeUndefined();
      expect(review.impactChanges).toBeNull();
    });
  });
});
