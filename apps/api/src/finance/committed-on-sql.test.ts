import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { isCommittedOn, type FundingModeKey } from "@defis/domain";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-app.js";
import { committedOnSql } from "./money-figures-sql.js";

const { fundingRecords, laureates } = schema;

describe("engagé in SQL", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
  });
  afterAll(() => database.close());

  it("agrees with the domain's rule for every mode and every record, on the day and before it", async () => {
    const modes: FundingModeKey[] = ["subvention", "transfert", "non-precise"];
    const records = [
      null,
      { conventionDate: null, ejNumber: null },
      { conventionDate: "2022-05-01", ejNumber: null },
      { conventionDate: null, ejNumber: "2100000001" },
      { conventionDate: "2022-05-01", ejNumber: "2100000002" },
    ];
    const cases = modes.flatMap((mode) => records.map((record) => ({ mode, record })));
    const rows = await database.db.select({ id: laureates.id }).from(laureates).limit(cases.length);
    for (const [index, { mode, record }] of cases.entries()) {
      const laureateId = rows[index]?.id ?? 0;
      await database.db.update(laureates).set({ fundingMode: mode }).where(eq(laureates.id, laureateId));
      if (record) {
        // EJ numbers are unique: each case gets its own.
        const ejNumber = record.ejNumber ? `21000${String(index).padStart(5, "0")}` : null;
        await database.db.insert(fundingRecords).values({ laureateId, ...record, ejNumber });
      }
    }
    const read = (day: string) =>
      database.db
        .select({ id: laureates.id, committed: committedOnSql(day) })
        .from(laureates)
        .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
        .where(
          inArray(
            laureates.id,
            rows.map((row) => row.id),
          ),
        );
    const today = "2026-12-06";
    const now = new Map((await read(today)).map((row) => [row.id, row.committed]));
    const before = new Map((await read("2022-04-30")).map((row) => [row.id, row.committed]));
    for (const [index, { mode, record }] of cases.entries()) {
      const id = rows[index]?.id ?? 0;
      expect(now.get(id), `${mode} ${JSON.stringify(record)}`).toBe(isCommittedOn(mode, record, today));
      // Before the convention's day, nothing is committed yet.
      expect(before.get(id)).toBe(false);
    }
  });
});
