import { schema, type DatabaseHandle } from "@defis/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIndicatorsOn } from "../impact/indicator-queries.js";
import { parisDay } from "../paris-day.js";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

/** The demonstration gives this laureate no indicator: the test gives it one. */
const SLUG = "prevention-perte-autonomie";
const LATE = { indicators: "a_mettre_a_jour" } as const;

describe("the portfolio filtered on indicators « à mettre à jour »", () => {
  let database: DatabaseHandle;
  let caller: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    caller = await callerAs(database, DEMO_EMAILS.officer);
    const [laureate] = await database.db
      .select({ id: schema.laureates.id })
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, SLUG));
    const laureateId = laureate?.id ?? 0;
    // Followed from 10 January 2023, measured each quarter: the March measure was recorded on 5 April.
    const [indicator] = await database.db
      .insert(schema.indicators)
      .values({
        laureateId,
        name: "Acteurs associés à la concertation (essai)",
        unit: "nombre",
        subject: "organisation",
        direction: "hausse",
        baselineValue: 0,
        baselineOn: "2022-12-31",
        targetValue: 40,
        targetOn: "2025-12-31",
        periodicity: "trimestrielle",
        status: "suivi",
        decidedAt: new Date("2023-01-10T10:00:00Z"),
      })
      .returning({ id: schema.indicators.id });
    await database.db.insert(schema.indicatorMeasures).values({
      indicatorId: indicator?.id ?? 0,
      laureateId,
      measuredOn: "2023-03-31",
      value: 8,
      createdAt: new Date("2023-04-05T08:00:00Z"),
    });
  });
  afterAll(() => database.close());

  const slugsOn = async (asOf?: string) =>
    (await caller.laureates.list({ ...LATE, ...(asOf ? { asOf } : {}) })).map((item) => item.slug);

  it("finds today the laureates the follow-up asks a measure of, and nothing else", async () => {
    const late = await slugsOn();
    const rows = await caller.progress.portfolio();
    expect(late).toEqual(rows.filter((row) => row.lateIndicators.length > 0).map((row) => row.laureateSlug));
    expect(late).toContain(SLUG);
    expect(late.length).toBeGreaterThan(1);
    expect(late.length).toBeLessThan(27);
    // With another filter, both apply.
    const numerique = await caller.laureates.list({ ...LATE, category: "numerique" });
    expect(numerique.every((item) => item.category === "numerique" && late.includes(item.slug))).toBe(true);
  });

  it("reads a past day as known then: not yet followed, measure due, measure not yet recorded, recorded", async () => {
    expect(await slugsOn("2023-01-05")).not.toContain(SLUG);
    expect(await slugsOn("2023-03-31")).not.toContain(SLUG);
    // Due on 31 March, recorded on 5 April: late in between, up to date after.
    expect(await slugsOn("2023-04-02")).toContain(SLUG);
    expect(await slugsOn("2023-04-10")).not.toContain(SLUG);
    expect(await slugsOn("2023-07-15")).toContain(SLUG);
  });

  it("agrees with the indicators' freshness on a past day of the demonstration", async () => {
    const day = "2024-11-20";
    const late = new Set(
      (await loadIndicatorsOn(database.db, day))
        .filter((indicator) => indicator.freshness === "a_mettre_a_jour")
        .map((indicator) => indicator.laureateId),
    );
    const all = await caller.laureates.list({ asOf: day });
    const ids = await database.db
      .select({ id: schema.laureates.id, slug: schema.laureates.slug })
      .from(schema.laureates);
    const expected = all
      .filter((item) => late.has(ids.find((row) => row.slug === item.slug)?.id ?? 0))
      .map((item) => item.slug);
    expect(await slugsOn(day)).toEqual(expected);
    expect(day < parisDay()).toBe(true);
  });

  it("refuses an unknown value with a French message", async () => {
    await expect(
      caller.laureates.list({ indicators: "en_retard" as unknown as "a_mettre_a_jour" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ message: "Filtre d'indicateurs inconnu." })] },
    });
  });
});
