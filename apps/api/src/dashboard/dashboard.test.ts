import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import {
  addDays,
  DEFAULT_STALE_AFTER_DAYS,
  periodOf,
  WEATHER_STATE_KEYS,
  weatherStateOn,
  type DashboardFigures,
} from "@defis/domain";
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { seedDemoReviews } from "../reviews/review-commands.js";
import { reviewSnapshotAsOf } from "./portfolio-as-of.js";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** Days across the programme's life: before any payment, during, after, today. */
function daysToCheck(today: string): string[] {
  return ["2022-02-28", "2022-06-30", "2023-01-31", "2023-12-31", "2024-09-30", addDays(today, -45), today];
}

/**
 * The dashboard's figures recomputed straight from the raw rows, with the
 * plainest rules, to check the SQL and the summary against.
 */
async function recomputeFromRawRows(database: TestDatabaseHandle, asOf: string) {
  const db = database.db;
  const movements = await db.select().from(schema.allocationMovements);
  const paymentRows = await db.select().from(schema.payments);
  const funding = await db.select().from(schema.fundingRecords);
  const reports = await db.select().from(schema.weatherReports);
  const milestoneRows = await db.select().from(schema.milestones);
  const adoptionRows = await db.select().from(schema.adoptions);
  const laureateRows = await db.select({ id: schema.laureates.id }).from(schema.laureates);

  const allocatedOf = (laureateId: number) =>
    movements
      .filter((row) => row.laureateId === laureateId && parisDay(row.occurredAt) <= asOf)
      .reduce((total, row) => total + row.deltaCents, 0);
  const allocated = laureateRows.reduce((total, row) => total + allocatedOf(row.id), 0);
  const paid = paymentRows
    .filter((row) => row.paidOn <= asOf)
    .reduce((total, row) => total + row.amountCents, 0);
  const committed = funding
    .filter((row) => row.ejNumber !== null && row.conventionDate !== null && row.conventionDate <= asOf)
    .reduce((total, row) => total + allocatedOf(row.laureateId), 0);

  const weather = { soleil: 0, nuage: 0, couvert: 0, orage: 0, perimee: 0, sans_meteo: 0 };
  for (const laureate of laureateRows) {
    const known = reports
      .filter(
        (row) =>
          row.laureateId === laureate.id && row.period <= periodOf(asOf) && parisDay(row.createdAt) <= asOf,
      )
      .sort((left, right) => right.period.localeCompare(left.period));
    weather[weatherStateOn(known[0] ?? null, asOf, DEFAULT_STALE_AFTER_DAYS)] += 1;
  }

  const reachedOn = (row: (typeof milestoneRows)[number]) =>
    row.reachedOn !== null && row.reachedOn <= asOf ? row.reachedOn : null;
  const late = milestoneRows.filter(
    (row) => !reachedOn(row) && row.status !== "abandonne" && row.dueOn < asOf,
  );
  const reachedOnTime = milestoneRows.filter((row) => (reachedOn(row) ?? "9999-12-31") <= row.dueOn);

  const deployed = adoptionRows.filter(
    (row) =>
      row.deployedOn !== null &&
      row.deployedOn <= asOf &&
      !(row.abandonedOn !== null && row.abandonedOn <= asOf),
  );
  const identified = adoptionRows.filter((row) => row.identifiedOn <= asOf);
  return {
    allocated,
    paid,
    committed,
    weather,
    late: late.length,
    reachedOnTime: reachedOnTime.length,
    deployed: deployed.length,
    identified: identified.length,
  };
}

/** A laureate whose allocation still has 1 000 € or more to pay. */
async function laureateWithRoomToPay(database: TestDatabaseHandle): Promise<string> {
  const [target] = await database.db
    .select({ slug: schema.laureates.slug })
    .from(schema.laureates)
    .innerJoin(schema.allocations, eq(schema.allocations.laureateId, schema.laureates.id))
    .innerJoin(schema.fundingRecords, eq(schema.fundingRecords.laureateId, schema.laureates.id))
    // Committed by its mode's rule, so that it may be paid.
    .where(
      sql`${schema.allocations.amountCents} - ${schema.allocations.paidCents} >= 100000
        and ${schema.fundingRecords.conventionDate} is not null and ${schema.fundingRecords.ejNumber} is not null
        and ${schema.laureates.fundingMode} <> 'non-precise'`,
    )
    .limit(1);
  if (!target) throw new Error("Aucun lauréat avec un reste à verser dans la démonstration");
  return target.slug;
}

describe("the dashboard as of a day", () => {
  let database: TestDatabaseHandle;
  let officer: Caller;
  let leadership: Caller;
  const today = parisDay();
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  it("agrees today with the finance overview, to the cent", async () => {
    const figures = await leadership.dashboard.figures({});
    const overview = await leadership.programme.overview();
    expect(figures.asOf).toBe(today);
    expect(figures.allocatedCents).toBe(overview.allocatedCents);
    expect(figures.paidCents).toBe(overview.paidCents);
    expect(figures.committedCents).toBe(overview.committedCents);
    expect(figures.remainingToPayCents).toBe(overview.remainingToPayCents);
    expect(figures.reserveCents).toBe(overview.reserveCents);
    expect(figures.laureates).toBe(27);
    expect(figures.demonstration).toBe(true);
    const byCategory = (groups: { key: string; allocatedCents: number; paidCents: number }[]) =>
      groups.map(({ key, allocatedCents, paidCents }) => ({ key, allocatedCents, paidCents }));
    expect(byCategory(figures.byCategory)).toEqual(byCategory(overview.byCategory));
  });

  it("equals, on every day checked, a recomputation from the raw rows", async () => {
    for (const day of daysToCheck(today)) {
      const figures = await leadership.dashboard.figures({ asOf: day });
      const expected = await recomputeFromRawRows(database, day);
      expect({ day, allocated: figures.allocatedCents, paid: figures.paidCents }).toEqual({
        day,
        allocated: expected.allocated,
        paid: expected.paid,
      });
      expect(figures.committedCents).toBe(expected.committed);
      expect(figures.weather).toEqual(expected.weather);
      expect(figures.milestones.en_retard).toBe(expected.late);
      expect(figures.milestones.atteint_a_temps).toBe(expected.reachedOnTime);
      expect(figures.adoptions.deployee).toBe(expected.deployed);
      expect(Object.values(figures.adoptions).reduce((total, value) => total + value, 0)).toBe(
        expected.identified,
      );
      // The curve ends on the same total as the tiles, and groups add up to it.
      expect(figures.payments.at(-1)?.cumulativePaidCents ?? 0).toBe(expected.paid);
      expect(figures.byMinistry.reduce((total, group) => total + group.paidCents, 0)).toBe(expected.paid);
    }
  });

  it("gives the sheets (the domain's rule, row by row) the same milestones and money as the figures (SQL)", async () => {
    for (const day of daysToCheck(today)) {
      const { figures, laureates } = await reviewSnapshotAsOf(database.db, day);
      const counts = { atteint_a_temps: 0, atteint_en_retard: 0, en_retard: 0, a_venir: 0, abandonne: 0 };
      for (const sheet of laureates) for (const milestone of sheet.milestones) counts[milestone.outcome] += 1;
      expect({ day, counts }).toEqual({ day, counts: figures.milestones });
      expect(laureates.reduce((total, sheet) => total + sheet.paidCents, 0)).toBe(figures.paidCents);
      expect(laureates.reduce((total, sheet) => total + sheet.committedCents, 0)).toBe(
        figures.committedCents,
      );
    }
  });

  it("shows the programme before its first allocation as empty, and its curve's planned total as the schedules'", async () => {
    const early = await leadership.dashboard.figures({ asOf: "2022-02-28" });
    expect(early.allocatedCents).toBe(0);
    expect(early.reserveCents).toBe(early.envelopeCents);
    const now = await leadership.dashboard.figures({});
    const [planned] = await database.db
      .select({
        total: sql<number>`coalesce(sum(${schema.tranches.plannedAmountCents}), 0)::bigint`.mapWith(Number),
      })
      .from(schema.tranches)
      .where(sql`${schema.tranches.status} <> 'annule'`);
    expect(now.payments.at(-1)?.cumulativePlannedCents).toBe(planned?.total);
  });

  it("gives every météo the same count on /pilotage, in its trend and in the filtered portfolio", async () => {
    const figures = await leadership.dashboard.figures({});
    expect(figures.weatherTrend.at(-1)?.counts).toEqual(figures.weather);
    for (const state of WEATHER_STATE_KEYS) {
      const listed = await leadership.laureates.list({ weather: state });
      expect({ state, count: listed.length }).toEqual({ state, count: figures.weather[state] });
    }
    // The scenario has laureates whose latest météo is too old to count as their level.
    expect(figures.weather.perimee).toBeGreaterThan(0);

    // The portfolio of a past day: the same météo and money as the dashboard of that day.
    const day = addDays(today, -45);
    const past = await leadership.dashboard.figures({ asOf: day });
    for (const state of WEATHER_STATE_KEYS) {
      const listed = await leadership.laureates.list({ weather: state, asOf: day });
      expect({ state, count: listed.length }).toEqual({ state, count: past.weather[state] });
    }
    const portfolio = await leadership.laureates.list({ asOf: day });
    expect(portfolio.reduce((sum, row) => sum + (row.allocatedCents ?? 0), 0)).toBe(past.allocatedCents);
    expect(portfolio.reduce((sum, row) => sum + row.paidCents, 0)).toBe(past.paidCents);
  });

  it("counts a payment from its value date, once it is recorded", async () => {
    const target = await laureateWithRoomToPay(database);
    const valueDate = addDays(today, -10);
    const before = await leadership.dashboard.figures({ asOf: addDays(valueDate, -1) });
    const onDay = await leadership.dashboard.figures({ asOf: valueDate });
    const now = await leadership.dashboard.figures({});
    await officer.finance.recordPayment({
      laureateSlug: target,
      amountCents: 1_234_56,
      paidOn: valueDate,
      reference: "VIR-ESSAI",
      reason: "Versement d'essai hors échéancier",
      idempotencyKey: randomUUID(),
    });
    expect((await leadership.dashboard.figures({ asOf: addDays(valueDate, -1) })).paidCents).toBe(
      before.paidCents,
    );
    // Recorded today: the value day, as known at its end, did not have it yet; today does.
    expect((await leadership.dashboard.figures({ asOf: valueDate })).paidCents).toBe(onDay.paidCents);
    expect((await leadership.dashboard.figures({})).paidCents).toBe(now.paidCents + 1_234_56);
  });

  it("refuses a day to come", async () => {
    await expect(leadership.dashboard.figures({ asOf: addDays(today, 1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "La date ne peut pas être postérieure à aujourd'hui.",
    });
    await expect(leadership.dashboard.figures({ asOf: "2026-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("drills down to as many laureates as each slice counts", async () => {
    const figures: DashboardFigures = await leadership.dashboard.figures({});
    for (const level of ["soleil", "nuage", "couvert", "orage", "sans_meteo"] as const) {
      expect((await leadership.laureates.list({ weather: level })).length, level).toBe(
        figures.weather[level],
      );
    }
    const late = await leadership.laureates.list({ milestones: "en_retard" });
    const [withLate] = await database.db
      .select({ total: sql<number>`count(distinct ${schema.milestones.laureateId})::int` })
      .from(schema.milestones)
      .where(
        sql`${schema.milestones.status} not in ('atteint', 'abandonne') and ${schema.milestones.dueOn} < ${today}::date`,
      );
    expect(late.length).toBe(withLate?.total);
    expect(late.length).toBeGreaterThan(0);
    expect(figures.milestones.en_retard).toBeGreaterThanOrEqual(late.length);
  });
});

describe("portfolio reviews", () => {
  let database: TestDatabaseHandle;
  let officer: Caller;
  let leadership: Caller;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  async function auditCount(): Promise<number> {
    const [row] = await database.db.select({ total: count() }).from(schema.auditEvents);
    return row?.total ?? 0;
  }

  it("freezes the figures of its day and compares with the review before it", async () => {
    const first = await officer.reviews.open({ asOf: "2023-06-30", title: "COPIL du premier semestre 2023" });
    const second = await officer.reviews.open({ asOf: "2023-12-31", title: "COPIL de fin d'année 2023" });
    const [officerRow] = await database.db
      .select({ name: schema.users.displayName })
      .from(schema.users)
      .where(eq(schema.users.email, DEMO_EMAILS.officer));
    expect(second.openedBy).toBe(officerRow?.name);
    expect((await leadership.reviews.list()).map((review) => review.id)).toEqual([second.id, first.id]);

    const detail = await leadership.reviews.byId({ id: second.id });
    expect(detail.snapshot.figures).toEqual(await leadership.dashboard.figures({ asOf: "2023-12-31" }));
    expect(detail.snapshot.laureates).toHaveLength(27);
    expect(detail.changes?.previousAsOf).toBe("2023-06-30");
    const paidBetween =
      detail.snapshot.figures.paidCents -
      (await leadership.reviews.byId({ id: first.id })).snapshot.figures.paidCents;
    expect(detail.changes?.payments.reduce((total, change) => total + change.paidCents, 0)).toBe(paidBetween);
    expect((await leadership.reviews.byId({ id: first.id })).changes).toBeNull();

    // A payment entered later with a value date inside the period changes neither the review nor
    // the day's figures, recomputed as known at its end; it counts from the day it was entered.
    const target = await laureateWithRoomToPay(database);
    const paidToday = (await leadership.dashboard.figures({})).paidCents;
    await officer.finance.recordPayment({
      laureateSlug: target,
      amountCents: 500_00,
      paidOn: "2023-10-02",
      reference: "VIR-ESSAI",
      reason: "Versement d'essai hors échéancier",
      idempotencyKey: randomUUID(),
    });
    const recomputed = await leadership.dashboard.figures({ asOf: "2023-12-31" });
    expect(recomputed).toEqual(detail.snapshot.figures);
    expect((await leadership.dashboard.figures({})).paidCents).toBe(paidToday + 500_00);
    expect((await leadership.reviews.byId({ id: second.id })).snapshot).toEqual(detail.snapshot);
  });

  it("refuses a second review of the same day, a day to come and a reader, writing nothing", async () => {
    const before = await auditCount();
    await expect(officer.reviews.open({ asOf: "2023-06-30", title: "Encore" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Une revue existe déjà pour le 30/06/2023 : ouvrez-la depuis la liste des revues.",
    });
    await expect(
      officer.reviews.open({ asOf: addDays(parisDay(), 1), title: "Demain" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(leadership.reviews.open({ asOf: "2024-03-31", title: "Direction" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(officer.reviews.open({ asOf: "2024-03-31", title: " x " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await auditCount()).toBe(before);
    expect((await leadership.reviews.list()).some((review) => review.asOf === "2024-03-31")).toBe(false);
  });

  it("opens one review when two officers open the same day at once", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, index) =>
        officer.reviews.open({ asOf: "2024-06-30", title: `Revue ${index}` }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [row] = await database.db
      .select({ total: count() })
      .from(schema.portfolioReviews)
      .where(eq(schema.portfolioReviews.asOf, "2024-06-30"));
    expect(row?.total).toBe(1);
  });

  it("seeds two demonstration reviews once, the latest with its changes", async () => {
    await database.db.execute(sql`delete from portfolio_review`);
    const today = parisDay();
    await seedDemoReviews(database.db, today);
    await seedDemoReviews(database.db, today);
    const reviews = await leadership.reviews.list();
    expect(reviews).toHaveLength(2);
    expect(reviews.every((review) => review.isDemo && review.asOf < today)).toBe(true);
    const latest = await leadership.reviews.byId({ id: reviews[0]?.id ?? 0 });
    expect(latest.changes?.previousAsOf).toBe(reviews[1]?.asOf);
    const lists = Object.entries(latest.changes ?? {}).filter(([key]) => key !== "previousAsOf");
    expect(lists.some(([, list]) => Array.isArray(list) && list.length > 0)).toBe(true);
  });

  it("keeps its snapshot: the database refuses to rewrite it", async () => {
    await expect(
      database.db.execute(sql`update portfolio_review set snapshot = '{}'::jsonb`),
    ).rejects.toThrow();
    await expect(leadership.reviews.byId({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
