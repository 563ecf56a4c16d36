import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { seedDemoReviews } from "../reviews/review-commands.js";
import { reviewSnapshotAsOf } from "./portfolio-as-of.js";
import { tranchesKnownOn } from "./known-on.js";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

const { fundingRecords, milestones, portfolioReviews, tranches, weatherReports } = schema;

/**
 * After a review is frozen, everything that can be written about its day is
 * written, by every kind of writer: a tranche created and one re-planned, a
 * milestone reached, a declared météo corrected, a convention dated back, a
 * payment entered late. Recomputed from the raw rows, the day must give back
 * exactly what the review froze.
 */
describe("a past day, as known at its end", () => {
  let database: TestDatabaseHandle;
  const today = parisDay();
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoReviews(database.db, today);
  });
  afterAll(() => database.close());

  async function frozenReviews() {
    return database.db
      .select({ asOf: portfolioReviews.asOf, snapshot: portfolioReviews.snapshot })
      .from(portfolioReviews)
      .orderBy(asc(portfolioReviews.asOf));
  }

  it("recomputes each frozen demonstration review from the raw rows", async () => {
    const reviews = await frozenReviews();
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      expect(await reviewSnapshotAsOf(database.db, review.asOf)).toEqual(review.snapshot);
    }
    // The demonstration's history is dated: its first review already had schedules and payments.
    const [first] = reviews;
    expect(first?.snapshot.figures.payments.length).toBeGreaterThan(0);
    expect(first?.snapshot.figures.paidCents).toBeGreaterThan(0);
  });

  it("gives back the frozen review after later writes about its day", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const [review] = await frozenReviews();
    if (!review) throw new Error("Aucune revue de démonstration");
    const day = review.asOf;
    const frozenDay = review;
    const [planned] = await database.db
      .select({ id: tranches.id, laureateId: tranches.laureateId, plannedOn: tranches.plannedOn })
      .from(tranches)
      .where(and(eq(tranches.status, "prevu"), sql`${tranches.plannedOn} <= ${day}::date`))
      .orderBy(asc(tranches.id))
      .limit(1);
    if (!planned) throw new Error("Aucune tranche prévue avant la revue");

    // A tranche created after the day, planned inside it.
    await database.db.insert(tranches).values({
      laureateId: planned.laureateId,
      kind: "acompte",
      position: 99,
      plannedAmountCents: 7_000_00,
      plannedOn: planned.plannedOn,
    });
    // A tranche re-planned after the day.
    await database.db
      .update(tranches)
      .set({ plannedAmountCents: sql`${tranches.plannedAmountCents} + 1`, plannedOn: "2022-01-15" })
      .where(eq(tranches.id, planned.id));
    // Milestones reached (back-dated) and re-planned after the day.
    await database.db
      .update(milestones)
      .set({ status: "atteint", reachedOn: "2022-01-01", dueOn: "2022-01-01" })
      .where(sql`${milestones.status} <> 'atteint'`);
    // Every declared météo corrected after the day.
    await database.db.update(weatherReports).set({ level: "orage", synthesis: "Corrigée après la revue." });
    // A convention dated back, entered after the day.
    await database.db
      .update(fundingRecords)
      .set({
        conventionDate: "2022-01-01",
        ejNumber: sql`coalesce(${fundingRecords.ejNumber}, lpad((2100000000 + ${fundingRecords.laureateId})::text, 10, '0'))`,
      })
      .where(sql`${fundingRecords.conventionDate} is null`);
    // A payment entered after the day, valued before it.
    const [slug] = await database.db
      .select({ slug: schema.laureates.slug })
      .from(schema.laureates)
      .where(eq(schema.laureates.id, planned.laureateId));
    await officer.finance.recordPayment({
      laureateSlug: slug?.slug ?? "",
      amountCents: 300_00,
      paidOn: day,
      reference: "VIR-TARDIF",
      reason: "Versement saisi après la revue",
      idempotencyKey: randomUUID(),
    });

    for (const frozen of await frozenReviews()) {
      expect(await reviewSnapshotAsOf(database.db, frozen.asOf)).toEqual(frozen.snapshot);
      // /finances of that day gives the same figures and months as the frozen review.
      const { figures } = frozen.snapshot;
      const overview = await officer.programme.overview({ asOf: frozen.asOf });
      expect(overview).toMatchObject({
        allocatedCents: figures.allocatedCents,
        committedCents: figures.committedCents,
        paidCents: figures.paidCents,
        remainingToPayCents: figures.remainingToPayCents,
        blockedByMilestoneCents: figures.blockedByMilestoneCents,
        reserveCents: figures.reserveCents,
      });
      const monthly = await officer.finance.monthly({ asOf: frozen.asOf });
      const curve = figures.payments.filter((month) => month.plannedCents !== 0 || month.paidCents !== 0);
      expect(monthly).toEqual(
        curve.map(({ month, plannedCents, paidCents }) => ({ month, plannedCents, paidCents })),
      );
      const late = await officer.finance.lateTranches({ asOf: frozen.asOf });
      expect(
        late.tranches.every(
          (tranche) => tranche.trancheId !== planned.id || tranche.plannedOn === planned.plannedOn,
        ),
      ).toBe(true);
    }
    // The laureate's Finances of that day: its schedule, payments and allocation as known then.
    const onDay = await officer.finance.forLaureate({ slug: slug?.slug ?? "", asOf: day });
    expect(onDay.tranches.some((tranche) => tranche.position === 99)).toBe(false);
    expect(onDay.tranches.find((tranche) => tranche.id === planned.id)?.plannedOn).toBe(planned.plannedOn);
    expect(onDay.payments.some((payment) => payment.reference === "VIR-TARDIF")).toBe(false);
    const sheet = frozenDay.snapshot.laureates.find((laureate) => laureate.slug === slug?.slug);
    expect(onDay.allocation?.paidCents ?? 0).toBe(sheet?.paidCents);
    expect(onDay.allocation?.amountCents ?? 0).toBe(sheet?.allocatedCents);
    const now = await officer.finance.forLaureate({ slug: slug?.slug ?? "" });
    expect(now.tranches.some((tranche) => tranche.position === 99)).toBe(true);
    expect(now.payments.some((payment) => payment.reference === "VIR-TARDIF")).toBe(true);

    // Today knows them all: the planned curve has the new tranche, the météo its correction.
    const snapshotToday = await reviewSnapshotAsOf(database.db, today);
    const { orage, perimee, sans_meteo } = snapshotToday.figures.weather;
    expect(orage).toBeGreaterThan(0);
    expect(orage + perimee).toBe(27 - sans_meteo);
    const knownToday = await database.db
      .select({ id: tranchesKnownOn(database.db, today).id })
      .from(tranchesKnownOn(database.db, today));
    const knownOnDay = await database.db
      .select({ id: tranchesKnownOn(database.db, day).id })
      .from(tranchesKnownOn(database.db, day));
    expect(knownToday.length).toBe(knownOnDay.length + 1);
  });

  it("reads a review frozen before « périmée » was counted with none so", async () => {
    const leadership = await callerAs(database, DEMO_EMAILS.leadership);
    const snapshot = await reviewSnapshotAsOf(database.db, "2023-03-31");
    const withoutStale = ({ perimee: _stale, ...counts }: typeof snapshot.figures.weather) => counts;
    const older = {
      ...snapshot,
      figures: {
        ...snapshot.figures,
        weather: withoutStale(snapshot.figures.weather),
        weatherTrend: snapshot.figures.weatherTrend.map((period) => ({
          ...period,
          counts: withoutStale(period.counts),
        })),
      },
    } as unknown as typeof snapshot;
    const [row] = await database.db
      .insert(portfolioReviews)
      .values({ asOf: "2023-03-31", title: "Revue ancienne", snapshot: older, isDemo: false })
      .returning({ id: portfolioReviews.id });
    const review = await leadership.reviews.byId({ id: row?.id ?? 0 });
    expect(review.snapshot.figures.weather.perimee).toBe(0);
    expect(review.snapshot.figures.weatherTrend.every((period) => period.counts.perimee === 0)).toBe(true);
  });
});
