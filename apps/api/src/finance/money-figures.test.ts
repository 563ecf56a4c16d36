import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import {
  addDays,
  blockedByMilestoneCents,
  isCommittedOn,
  laureateMoneyFigures,
  trancheDaysLate,
  type FigureTranche,
  type FundingModeKey,
  type MoneyFigures,
} from "@defis/domain";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLaureateMoney } from "../dashboard/money-as-of.js";
import { laureateMoneyRows } from "../exports/portfolio-queries.js";
import { parisDay } from "../paris-day.js";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

const { allocations, fundingRecords, laureates, milestones, tranches } = schema;

const FIGURES = [
  "allocatedCents",
  "committedCents",
  "uncommittedCents",
  "paidCents",
  "remainingToPayCents",
  "blockedByMilestoneCents",
] as const satisfies readonly (keyof MoneyFigures)[];

const figuresOf = (row: MoneyFigures) => Object.fromEntries(FIGURES.map((name) => [name, row[name]]));

describe("restes à payer, non engagé and bloqué par un jalon", () => {
  let database: TestDatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  const today = parisDay();

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    const { db } = database;
    // Tranches still planned, each beside a milestone of its laureate not reached and one reached.
    const open = await db
      .select({ trancheId: tranches.id, milestoneId: milestones.id, status: milestones.status })
      .from(tranches)
      .innerJoin(milestones, eq(milestones.laureateId, tranches.laureateId))
      .where(eq(tranches.status, "prevu"))
      .orderBy(asc(tranches.id), asc(milestones.id));
    const waiting = open.filter((row) => row.status !== "atteint").slice(0, 3);
    const reached = open.find((row) => row.status === "atteint");
    expect(waiting.length).toBeGreaterThan(0);
    for (const row of [...waiting, ...(reached ? [reached] : [])]) {
      await db
        .update(tranches)
        .set({ gatingMilestoneId: row.milestoneId })
        .where(eq(tranches.id, row.trancheId));
    }
    // Every mode, a decision dated after today, a subvention without its EJ.
    const records = await db
      .select({ laureateId: fundingRecords.laureateId })
      .from(fundingRecords)
      .innerJoin(allocations, eq(allocations.laureateId, fundingRecords.laureateId))
      .orderBy(asc(fundingRecords.laureateId));
    const [future, withoutEj, unset, transfer] = records;
    const modeOf = (
      laureateId: number | undefined,
      fundingMode: "subvention" | "transfert" | "non-precise",
    ) =>
      db
        .update(laureates)
        .set({ fundingMode })
        .where(eq(laureates.id, laureateId ?? 0));
    await modeOf(future?.laureateId, "subvention");
    await db
      .update(fundingRecords)
      .set({ conventionDate: addDays(today, 30) })
      .where(eq(fundingRecords.laureateId, future?.laureateId ?? 0));
    await modeOf(withoutEj?.laureateId, "subvention");
    await db
      .update(fundingRecords)
      .set({ ejNumber: null })
      .where(eq(fundingRecords.laureateId, withoutEj?.laureateId ?? 0));
    await modeOf(unset?.laureateId, "non-precise");
    await modeOf(transfer?.laureateId, "transfert");
  });
  afterAll(() => database.close());

  /** Each laureate's facts, read raw, for the domain rules to judge. */
  async function rawLaureates() {
    const { db } = database;
    const rows = await db
      .select({
        id: laureates.id,
        slug: laureates.slug,
        mode: sql<FundingModeKey>`${laureates.fundingMode}`,
        conventionDate: fundingRecords.conventionDate,
        ejNumber: fundingRecords.ejNumber,
        allocatedCents: allocations.amountCents,
        paidCents: allocations.paidCents,
      })
      .from(laureates)
      .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
      .leftJoin(allocations, eq(allocations.laureateId, laureates.id));
    const trancheRows = await db
      .select({
        laureateId: tranches.laureateId,
        status: tranches.status,
        plannedAmountCents: tranches.plannedAmountCents,
        plannedOn: tranches.plannedOn,
        paidOn: tranches.paidOn,
        cancelledOn: tranches.cancelledOn,
        gateId: tranches.gatingMilestoneId,
        reachedOn: milestones.reachedOn,
      })
      .from(tranches)
      .leftJoin(milestones, eq(milestones.id, tranches.gatingMilestoneId));
    const tranchesOf = (laureateId: number): FigureTranche[] =>
      trancheRows
        .filter((row) => row.laureateId === laureateId)
        .map((row) => ({ ...row, gate: row.gateId === null ? null : { reachedOn: row.reachedOn } }));
    return rows.map((row) => ({
      ...row,
      facts: row.conventionDate === null && row.ejNumber === null ? null : row,
      tranches: tranchesOf(row.id),
    }));
  }

  /**
   * The facts as known at the end of a past day, read raw from the history
   * (the version whose Paris days cover it) and matched in JavaScript.
   */
  async function rawKnownOn(day: string) {
    const { db } = database;
    const known = (row: { validFrom: Date; validTo: Date | null }) =>
      parisDay(row.validFrom) <= day && (row.validTo === null || parisDay(row.validTo) > day);
    const funding = (await db.select().from(schema.fundingRecordVersions)).filter(known);
    const trancheRows = (await db.select().from(schema.trancheVersions)).filter(known);
    const milestoneRows = (await db.select().from(schema.milestoneVersions)).filter(known);
    const modes = await db
      .select({ id: laureates.id, mode: sql<FundingModeKey>`${laureates.fundingMode}` })
      .from(laureates);
    return new Map(
      modes.map(({ id, mode }) => {
        const facts = funding.find((row) => row.laureateId === id) ?? null;
        const tranchesOfLaureate: FigureTranche[] = trancheRows
          .filter((row) => row.laureateId === id)
          .map((row) => {
            const gate = milestoneRows.find((milestone) => milestone.milestoneId === row.gatingMilestoneId);
            return { ...row, gate: gate ? { reachedOn: gate.reachedOn } : null };
          });
        return [id, { mode, facts, tranches: tranchesOfLaureate }];
      }),
    );
  }

  it("sums by the domain's rules, laureate by laureate, today and on a past day", async () => {
    const raw = await rawLaureates();
    const overview = await officer.programme.overview();
    const bySlug = new Map(overview.byLaureate.map((row) => [row.key, row]));
    for (const laureate of raw) {
      const expected = laureateMoneyFigures(
        {
          mode: laureate.mode,
          facts: laureate.facts,
          allocatedCents: laureate.allocatedCents ?? 0,
          paidCents: laureate.paidCents ?? 0,
          tranches: laureate.tranches,
        },
        today,
      );
      expect(figuresOf(bySlug.get(laureate.slug) as MoneyFigures), laureate.slug).toEqual(
        figuresOf(expected),
      );
    }
    // The cases built above are there, not only the demonstration's.
    expect(overview.blockedByMilestoneCents).toBeGreaterThan(0);
    expect(overview.uncommittedCents).toBeGreaterThan(0);

    for (const day of [today, "2023-06-30", "2022-06-01"]) {
      const asOf = await readLaureateMoney(database.db, day);
      const knownOn = await rawKnownOn(day);
      for (const row of asOf) {
        const laureate = knownOn.get(row.id);
        if (!laureate) throw new Error(row.slug);
        expect(row.committed, `${row.slug} ${day}`).toBe(isCommittedOn(laureate.mode, laureate.facts, day));
        expect(row.blockedByMilestoneCents, `${row.slug} ${day}`).toBe(
          blockedByMilestoneCents(laureate.tranches, day),
        );
      }
    }
  });

  it("gives the same figure on /finances, /pilotage and in the exports", async () => {
    const overview = await officer.programme.overview();
    const dashboard = await officer.dashboard.figures({});
    const exported = await laureateMoneyRows(database.db);
    const exportTotals = {
      allocatedCents: exported.reduce((sum, row) => sum + (row.amountCents ?? 0), 0),
      committedCents: exported.reduce((sum, row) => sum + (row.committed ? (row.amountCents ?? 0) : 0), 0),
      uncommittedCents: exported.reduce((sum, row) => sum + (row.committed ? 0 : (row.amountCents ?? 0)), 0),
      paidCents: exported.reduce((sum, row) => sum + (row.paidCents ?? 0), 0),
      remainingToPayCents: exported.reduce(
        (sum, row) => sum + (row.committed ? (row.amountCents ?? 0) - (row.paidCents ?? 0) : 0),
        0,
      ),
      blockedByMilestoneCents: exported.reduce((sum, row) => sum + row.blockedByMilestoneCents, 0),
    };
    expect(figuresOf(overview)).toEqual(exportTotals);
    expect(figuresOf(dashboard)).toEqual(exportTotals);
    // Every breakdown adds up to the whole.
    for (const groups of [
      overview.byCategory,
      overview.byMinistry,
      overview.byTerritory,
      overview.byFundingMode,
      overview.byLaureate,
    ]) {
      for (const name of FIGURES) {
        expect(groups.reduce((sum, group) => sum + group[name], 0)).toBe(overview[name]);
      }
    }
    // Laureate by laureate, the export's row is the page's row.
    for (const row of exported) {
      const page = overview.byLaureate.find((group) => group.key === row.slug);
      expect(page?.blockedByMilestoneCents).toBe(row.blockedByMilestoneCents);
      expect(page?.committedCents).toBe(row.committed ? (row.amountCents ?? 0) : 0);
    }
  });

  it("lists the late tranches, the oldest first, with their days late and the money they hold", async () => {
    const late = await officer.finance.lateTranches();
    const expected = await database.db
      .select({ id: tranches.id, status: tranches.status, plannedOn: tranches.plannedOn })
      .from(tranches)
      .where(and(ne(tranches.status, "paye"), ne(tranches.status, "annule")));
    const lateIds = expected.filter((row) => trancheDaysLate(row, today) > 0).map((row) => row.id);
    expect(late.tranches.map((row) => row.trancheId).sort()).toEqual(lateIds.sort());
    expect(late.tranches.length).toBeGreaterThan(0);
    for (const row of late.tranches) expect(row.daysLate).toBe(trancheDaysLate(row, today));
    expect(late.totalCents).toBe(late.tranches.reduce((sum, row) => sum + row.plannedAmountCents, 0));
    const days = late.tranches.map((row) => row.plannedOn);
    expect(days).toEqual([...days].sort());
  });
});
