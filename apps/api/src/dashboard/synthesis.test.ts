import { schema, type DatabaseHandle } from "@defis/db";
import { addDays, categoryKeySchema, forecastConsumption } from "@defis/domain";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { seedDemoReviews } from "../reviews/review-commands.js";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

describe("the synthesis and the forecast of /pilotage", () => {
  let database: DatabaseHandle;
  const today = parisDay();
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoReviews(database.db, today);
  });
  afterAll(() => database.close());

  it("forecasts from the schedule as known on a past day: a tranche paid after it is still open", async () => {
    const asOf = "2023-06-30";
    const caller = await callerAs(database, DEMO_EMAILS.leadership);
    const figures = await caller.dashboard.figures({ asOf });
    // Recomputed from the raw rows with the plainest reading of « known on the day ».
    const rows = await database.db
      .select({ tranche: schema.tranches, category: schema.laureates.category })
      .from(schema.tranches)
      .innerJoin(schema.laureates, eq(schema.laureates.id, schema.tranches.laureateId));
    const known = rows
      .filter(({ tranche }) => tranche.status !== "annule" || (tranche.cancelledOn ?? "") > asOf)
      .map(({ tranche, category }) => ({
        laureateId: tranche.laureateId,
        trancheId: tranche.id,
        category: categoryKeySchema.parse(category),
        plannedOn: tranche.plannedOn,
        plannedAmountCents: tranche.plannedAmountCents,
        paidOn: tranche.paidOn !== null && tranche.paidOn <= asOf ? tranche.paidOn : null,
      }));
    expect(
      known.some(({ trancheId }) =>
        rows.some((row) => row.tranche.id === trancheId && (row.tranche.paidOn ?? "") > asOf),
      ),
    ).toBe(true);
    const expected = forecastConsumption({
      asOf,
      tranches: known,
      paidCents: figures.paidCents,
      envelopeCents: figures.envelopeCents,
      endsOn: "2024-12-31",
      consumptionDeadlineOn: "2025-12-31",
    });
    const { laureatesAfterDeadline, calendarIsDemo, ...forecast } = figures.forecast ?? {};
    const { laureatesAfterDeadline: expectedCarriers, ...expectedForecast } = expected;
    expect(forecast).toEqual(expectedForecast);
    expect(calendarIsDemo).toBe(true);
    expect(laureatesAfterDeadline?.map((carrier) => carrier.laureateId)).toEqual(
      expectedCarriers.map((carrier) => carrier.laureateId),
    );
    // The curve starts from what the tiles say was paid on the day.
    expect(figures.forecast?.months[0]?.centralCents).toBeGreaterThanOrEqual(figures.paidCents);
  });

  it("compares the key figures with the latest review frozen before the day", async () => {
    const caller = await callerAs(database, DEMO_EMAILS.leadership);
    const synthesis = await caller.dashboard.synthesis({});
    const [latest, earlier] = await database.db
      .select()
      .from(schema.portfolioReviews)
      .orderBy(desc(schema.portfolioReviews.asOf))
      .limit(2);
    expect(synthesis.previousReview?.asOf).toBe(latest?.asOf);
    expect(synthesis.previousReview?.figures).toEqual({
      envelopeCents: latest?.snapshot.figures.envelopeCents,
      allocatedCents: latest?.snapshot.figures.allocatedCents,
      committedCents: latest?.snapshot.figures.committedCents,
      uncommittedCents: latest?.snapshot.figures.uncommittedCents,
      paidCents: latest?.snapshot.figures.paidCents,
      remainingToPayCents: latest?.snapshot.figures.remainingToPayCents,
    });
    // On the day of that review, the one compared is the review before it.
    const onReviewDay = await caller.dashboard.synthesis({ asOf: latest?.asOf });
    expect(onReviewDay.previousReview?.asOf).toBe(earlier?.asOf);
  });

  it("lists today's laureates with late tranches as the controls do, and their anomalies", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const controls = await officer.controls.list();
    const synthesis = await (await callerAs(database, DEMO_EMAILS.leadership)).dashboard.synthesis({});
    expect(synthesis.includesTodayOnlyReasons).toBe(true);
    const withLateTranches = synthesis.laureatesNeedingDecision
      .filter((entry) => entry.reasons.some((reason) => reason.kind === "tranches_en_retard"))
      .map((entry) => entry.slug)
      .sort();
    const lateInControls = [
      ...new Set(
        controls.items.filter((item) => item.kind === "tranche_en_retard").map((item) => item.laureate.slug),
      ),
    ].sort();
    expect(withLateTranches).toEqual(lateInControls);
    const anomalyCount = synthesis.laureatesNeedingDecision.reduce(
      (sum, entry) =>
        sum +
        entry.reasons.reduce((inner, reason) => inner + (reason.kind === "anomalies" ? reason.count : 0), 0),
      0,
    );
    expect(anomalyCount).toBe(controls.total);
  });

  it("lists the laureates whose weather was « orage » on a past day, without today's facts", async () => {
    const asOf = addDays(today, -40);
    const [report] = await database.db
      .select({ laureateId: schema.weatherReports.laureateId, slug: schema.laureates.slug })
      .from(schema.weatherReports)
      .innerJoin(schema.laureates, eq(schema.laureates.id, schema.weatherReports.laureateId))
      .where(and(eq(schema.weatherReports.level, "orage")))
      .limit(1);
    const synthesis = await (await callerAs(database, DEMO_EMAILS.leadership)).dashboard.synthesis({ asOf });
    expect(synthesis.includesTodayOnlyReasons).toBe(false);
    const kinds = synthesis.laureatesNeedingDecision.flatMap((entry) =>
      entry.reasons.map((reason) => reason.kind),
    );
    expect(kinds).not.toContain("anomalies");
    expect(kinds).not.toContain("meteo_a_verifier");
    const figures = await (await callerAs(database, DEMO_EMAILS.leadership)).dashboard.figures({ asOf });
    const stormy = synthesis.laureatesNeedingDecision.filter((entry) =>
      entry.reasons.some((reason) => reason.kind === "orage"),
    );
    expect(stormy).toHaveLength(figures.weather.orage);
    if (report && figures.weather.orage > 0) expect(stormy.length).toBeGreaterThan(0);
  });

  it("lets an administrator set the end and the deadline, audited, no longer demonstration", async () => {
    const admin = await callerAs(database, DEMO_EMAILS.admin);
    const before = await admin.programme.calendar();
    expect(before).toMatchObject({ endsOn: "2024-12-31", consumptionDeadlineOn: "2025-12-31", isDemo: true });
    await expect(
      admin.programme.setCalendar({
        endsOn: "2026-06-30",
        consumptionDeadlineOn: "2026-01-31",
        version: before.version,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await admin.programme.setCalendar({
      endsOn: "2026-06-30",
      consumptionDeadlineOn: "2026-12-31",
      version: before.version,
    });
    expect(after).toMatchObject({ endsOn: "2026-06-30", consumptionDeadlineOn: "2026-12-31", isDemo: false });
    const [event] = await database.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "programme.calendrier"));
    expect(event?.before).toEqual({ finLe: "2024-12-31", consommationAvantLe: "2025-12-31" });
    expect(event?.after).toEqual({ finLe: "2026-06-30", consommationAvantLe: "2026-12-31" });
    await expect(
      admin.programme.setCalendar({
        endsOn: "2026-06-30",
        consumptionDeadlineOn: "2027-12-31",
        version: before.version,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const figures = await admin.dashboard.figures({});
    expect(figures.forecast).toMatchObject({ consumptionDeadlineOn: "2026-12-31", calendarIsDemo: false });
  });
});
