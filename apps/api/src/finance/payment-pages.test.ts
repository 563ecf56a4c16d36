import { schema } from "@defis/db";
import { addSyntheticPortfolio } from "@defis/db/synthetic";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { LATEST_PAYMENTS, PAYMENTS_PAGE_SIZE, type PaymentItem } from "@defis/domain";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

const PAYMENTS = 120;

describe("a laureate's payments, paged", () => {
  let database: TestDatabaseHandle;
  let leadership: Awaited<ReturnType<typeof callerAs>>;
  let slug: string;
  let paidCents: number;
  let laureateId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
    const { afterLaureateId } = await addSyntheticPortfolio(database.db, {
      laureates: 1,
      payments: PAYMENTS,
    });
    const [added] = await database.db
      .select({
        id: schema.laureates.id,
        slug: schema.laureates.slug,
        paidCents: schema.allocations.paidCents,
      })
      .from(schema.laureates)
      .innerJoin(schema.allocations, eq(schema.allocations.laureateId, schema.laureates.id))
      .where(gt(schema.laureates.id, afterLaureateId));
    slug = added?.slug ?? "";
    paidCents = added?.paidCents ?? -1;
    laureateId = added?.id ?? -1;
  });
  afterAll(() => database.close());

  const newestFirst = (rows: PaymentItem[]) =>
    [...rows].sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.id - a.id);

  it("shows the latest payments on the Finances tab, with the count and sum of all", async () => {
    const finance = await leadership.finance.forLaureate({ slug });
    expect(finance.payments).toHaveLength(LATEST_PAYMENTS);
    expect(finance.payments).toEqual(newestFirst(finance.payments));
    expect(finance.paymentTotals).toEqual({ count: PAYMENTS, totalCents: paidCents });
    // The figures come from the ledger, not from the page.
    expect(finance.allocation?.paidCents).toBe(paidCents);
  });

  it("pages through every payment once, newest first, with the totals of all on each page", async () => {
    const pages = Math.ceil(PAYMENTS / PAYMENTS_PAGE_SIZE);
    const seen: PaymentItem[] = [];
    for (let page = 1; page <= pages; page += 1) {
      const result = await leadership.finance.payments({ slug, page });
      expect(result).toMatchObject({ page, pageSize: PAYMENTS_PAGE_SIZE });
      expect(result.totals).toEqual({ count: PAYMENTS, totalCents: paidCents });
      seen.push(...result.payments);
    }
    expect(seen).toHaveLength(PAYMENTS);
    expect(new Set(seen.map((payment) => payment.id)).size).toBe(PAYMENTS);
    expect(seen).toEqual(newestFirst(seen));
    expect(seen.reduce((sum, payment) => sum + payment.amountCents, 0)).toBe(paidCents);
    expect(seen.slice(0, LATEST_PAYMENTS)).toEqual((await leadership.finance.forLaureate({ slug })).payments);
    expect((await leadership.finance.payments({ slug, page: pages + 1 })).payments).toEqual([]);
  });

  it("reads on a past day only the payments known then, on the tab and on its pages alike", async () => {
    const { payments } = schema;
    const all = await leadership.finance.payments({ slug, page: 1 });
    const day = all.payments[PAYMENTS_PAGE_SIZE - 1]?.paidOn ?? "";
    // Recorded on their value day, as if typed in then: the day before, none of them was known.
    await database.db
      .update(payments)
      .set({
        createdAt: sql`(${payments.paidOn}::timestamp + interval '12 hours') at time zone 'Europe/Paris'`,
      })
      .where(eq(payments.laureateId, laureateId));
    const [known] = await database.db
      .select({
        count: sql<number>`count(*)::int`,
        totalCents: sql<number>`sum(${payments.amountCents})::int`,
      })
      .from(payments)
      .where(and(eq(payments.laureateId, laureateId), lte(payments.paidOn, day)));
    const finance = await leadership.finance.forLaureate({ slug, asOf: day });
    expect(finance.paymentTotals).toEqual(known);
    expect(finance.allocation?.paidCents).toBe(known?.totalCents);
    expect(finance.payments.every((payment) => payment.paidOn <= day)).toBe(true);
    const firstPage = await leadership.finance.payments({ slug, page: 1, asOf: day });
    expect(firstPage.totals).toEqual(known);
    expect(firstPage.payments.slice(0, LATEST_PAYMENTS)).toEqual(finance.payments);
    expect(firstPage.payments.every((payment) => payment.paidOn <= day)).toBe(true);
    // A payment recorded after the day, with a value day before it, was not known on it.
    await database.db
      .update(payments)
      .set({ createdAt: sql`now()` })
      .where(and(eq(payments.laureateId, laureateId), eq(payments.paidOn, day)));
    const later = await leadership.finance.payments({ slug, page: 1, asOf: day });
    expect(later.totals.count).toBeLessThan(known?.count ?? 0);
    expect(later.payments.some((payment) => payment.paidOn === day)).toBe(false);
  });

  it("refuses a page number that is not a positive integer", async () => {
    await expect(leadership.finance.payments({ slug, page: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
