import type { TestDatabaseHandle } from "@defis/db/testing";
import { addSyntheticPortfolio } from "@defis/db/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "./testing/test-app.js";

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** What each page of the portfolio asks the API for when it opens (see apps/web/src/pages). */
const PAGES: Record<string, (caller: Caller) => Promise<unknown>> = {
  "accueil (portefeuille)": (caller) =>
    Promise.all([caller.programme.overview(), caller.laureates.list({}), caller.progress.portfolio()]),
  "accueil filtré": (caller) =>
    Promise.all([
      caller.programme.overview(),
      caller.laureates.list({ category: "parcours-usagers", q: "projet" }),
    ]),
  "accueil par météo et jalons en retard": (caller) =>
    caller.laureates.list({ weather: "orage", milestones: "en_retard" }),
  pilotage: (caller) => caller.dashboard.figures({}),
  "pilotage à une date passée": (caller) => caller.dashboard.figures({ asOf: "2024-06-30" }),
  "synthèse du pilotage": (caller) => caller.dashboard.synthesis({}),
  "synthèse du pilotage à une date passée": (caller) => caller.dashboard.synthesis({ asOf: "2024-06-30" }),
  revues: (caller) => caller.reviews.list(),
  finances: (caller) =>
    Promise.all([caller.programme.overview(), caller.laureates.list({}), caller.finance.monthly()]),
  "suivi d'un lauréat": (caller) => caller.progress.forLaureate({ slug: "prevention-perte-autonomie" }),
  "à relancer": (caller) => caller.progress.toChase(),
  "fiche d'un lauréat": (caller) =>
    Promise.all([
      caller.laureates.bySlug({ slug: "prevention-perte-autonomie" }),
      caller.finance.forLaureate({ slug: "prevention-perte-autonomie" }),
    ]),
};

/**
 * No N+1: the number of statements a page's procedures send to the database
 * must not depend on the number of laureates, payments or tranches.
 */
describe("queries issued by the portfolio pages", () => {
  let database: TestDatabaseHandle;
  let caller: Caller;
  let recorded: string[] | null = null;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: true }, (query) => recorded?.push(query));
    caller = await callerAs(database, DEMO_EMAILS.officer);
  });
  afterAll(async () => {
    await database.close();
  });

  async function statementsOf(page: (caller: Caller) => Promise<unknown>): Promise<string[]> {
    recorded = [];
    try {
      await page(caller);
      return recorded;
    } finally {
      recorded = null;
    }
  }

  async function countsByPage(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, page] of Object.entries(PAGES)) counts[name] = (await statementsOf(page)).length;
    return counts;
  }

  it("stays the same with 27 laureates and with 120 more, their payments and tranches", async () => {
    const withDemo = await countsByPage();
    for (const count of Object.values(withDemo)) expect(count).toBeGreaterThan(0);

    await addSyntheticPortfolio(database.db, { laureates: 120, payments: 1_200, milestones: 600 });
    expect(await caller.laureates.list({})).toHaveLength(27 + 120);
    expect(await countsByPage()).toEqual(withDemo);
  });

  it("counts every statement, so that a query per laureate would show", async () => {
    const statements = await statementsOf(async (caller) => {
      const laureates = await caller.laureates.list({});
      await Promise.all(
        laureates.slice(0, 5).map((laureate) => caller.finance.forLaureate({ slug: laureate.slug })),
      );
    });
    // One list, then five times the laureate's id, its funding mode and its six money reads (the latest
    // payments and the totals of all of them count for two).
    expect(statements).toHaveLength(1 + 5 * 8);
  });
});
