import { schema, type DatabaseHandle } from "@defis/db";
import {
  addDays,
  isCommittedOn,
  keysOf,
  FUNDING_MODES,
  missingFundingFacts,
  TRANCHE_STATUSES,
  trancheDaysLate,
} from "@defis/domain";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-app.js";
import { isLateTrancheSql, missingFundingFactsSql } from "./funding-rules-sql.js";
import { committedOnSql } from "./money-figures-sql.js";

const { fundingRecords, laureates, tranches } = schema;

/** Every mode, with no record, with a record holding nothing, one fact, or both. */
const FACTS_CASES = [
  null,
  { conventionDate: null, ejNumber: null },
  { conventionDate: "2022-05-01", ejNumber: null },
  { conventionDate: null, ejNumber: "2100000001" },
  { conventionDate: "2022-05-01", ejNumber: "2100000002" },
] as const;

const TODAY = "2026-12-06";

const CASES = keysOf(FUNDING_MODES).flatMap((mode) => FACTS_CASES.map((facts) => ({ mode, facts })));

describe("the funding-mode rules in SQL", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
  });
  afterAll(() => database.close());

  it("agree with isCommittedOn and missingFundingFacts on every mode and every set of facts", async () => {
    const rows = await database.db
      .select({ id: laureates.id })
      .from(laureates)
      .orderBy(asc(laureates.position))
      .limit(CASES.length);
    expect(rows).toHaveLength(CASES.length);
    const ids = rows.map((row) => row.id);
    for (const [index, { mode, facts }] of CASES.entries()) {
      const laureateId = ids[index] ?? 0;
      await database.db.update(laureates).set({ fundingMode: mode }).where(eq(laureates.id, laureateId));
      if (facts) {
        // EJ numbers are unique: each case gets its own.
        const ejNumber = facts.ejNumber === null ? null : `21000${String(index).padStart(5, "0")}`;
        await database.db.insert(fundingRecords).values({ laureateId, ...facts, ejNumber });
      }
    }
    const fromSql = await database.db
      .select({
        id: laureates.id,
        committed: committedOnSql(TODAY),
        committedBefore: committedOnSql("2022-04-30"),
        missing: missingFundingFactsSql,
      })
      .from(laureates)
      .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
      .where(inArray(laureates.id, ids));
    for (const [index, { mode, facts }] of CASES.entries()) {
      const row = fromSql.find((candidate) => candidate.id === ids[index]);
      const label = `${mode}, ${JSON.stringify(facts)}`;
      expect(row?.committed, label).toBe(isCommittedOn(mode, facts, TODAY));
      // Before the convention's day, nothing is committed yet.
      expect(row?.committedBefore, label).toBe(false);
      expect(row?.missing, label).toEqual(missingFundingFacts(mode, facts));
    }
  });

  it("finds late exactly the tranches trancheDaysLate says are late", async () => {
    const today = "2026-12-06";
    const [laureate] = await database.db.select({ id: laureates.id }).from(laureates).limit(1);
    const days = [addDays(today, -400), addDays(today, -1), today, addDays(today, 1)];
    const plan = keysOf(TRANCHE_STATUSES).flatMap((status) =>
      days.map((plannedOn) => ({ status, plannedOn })),
    );
    await database.db.insert(tranches).values(
      plan.map((tranche, index) => ({
        laureateId: laureate?.id ?? 0,
        kind: "acompte" as const,
        position: index + 1,
        plannedAmountCents: 100,
        ...tranche,
      })),
    );
    const rows = await database.db
      .select({ status: tranches.status, plannedOn: tranches.plannedOn, late: isLateTrancheSql(today) })
      .from(tranches);
    expect(rows).toHaveLength(plan.length);
    for (const row of rows) {
      expect(row.late, `${row.status} ${row.plannedOn}`).toBe(trancheDaysLate(row, today) > 0);
    }
    expect(rows.filter((row) => row.late)).toHaveLength(6);
  });
});
