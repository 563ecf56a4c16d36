import type { DatabaseHandle } from "@defis/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

describe("laureates router", () => {
  let database: DatabaseHandle;
  let caller: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    caller = await callerAs(database, DEMO_EMAILS.sponsorSante);
  });
  afterAll(() => database.close());

  it("lists the 27 laureates in the announcement's order", async () => {
    const all = await caller.laureates.list({});
    expect(all).toHaveLength(27);
    expect(all.slice(0, 8).every((item) => item.category === "organisations")).toBe(true);
    expect(all.slice(8, 13).every((item) => item.category === "numerique")).toBe(true);
    expect(all.slice(13).every((item) => item.category === "parcours-usagers")).toBe(true);
    expect(new Set(all.map((item) => item.slug)).size).toBe(27);
  });

  it("filters by category, ministry and territory, alone and together", async () => {
    expect(await caller.laureates.list({ category: "numerique" })).toHaveLength(5);
    const interieur = await caller.laureates.list({ ministry: "interieur" });
    expect(interieur.length).toBeGreaterThan(0);
    expect(interieur.every((item) => item.ministry === "interieur")).toBe(true);
    const national = await caller.laureates.list({ territory: "national" });
    expect(national.every((item) => item.territoryKey === "national" && item.place === null)).toBe(true);
    const bretagne = await caller.laureates.list({ territory: "53" });
    expect(bretagne.map((item) => item.departementCode).sort()).toEqual(["22", "56"]);
    const both = await caller.laureates.list({ category: "organisations", territory: "53" });
    expect(both).toHaveLength(1);
  });

  it("searches without regard to accents or case, across title, porteur and place", async () => {
    const [reunion] = await caller.laureates.list({ q: "REUNION" });
    expect(reunion?.departementCode).toBe("974");
    expect(await caller.laureates.list({ q: "réunion" })).toEqual(
      await caller.laureates.list({ q: "reunion" }),
    );
    const gendarmerie = await caller.laureates.list({ q: "gendarmerie nationale" });
    expect(gendarmerie.map((item) => item.slug)).toContain("dggn-lab-innovation");
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    expect(await caller.laureates.list({ q: "%" })).toHaveLength(0);
    expect(await caller.laureates.list({ q: "_" })).toHaveLength(0);
  });

  it("refuses an unknown filter value with a French message", async () => {
    await expect(caller.laureates.list({ territory: "xx" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ message: "Territoire inconnu." })] },
    });
  });

  it("returns one laureate's page by slug, and NOT_FOUND for an unknown one", async () => {
    const laureate = await caller.laureates.bySlug({ slug: "dggn-lab-innovation" });
    expect(laureate.porteur).toContain("Gendarmerie nationale");
    expect(laureate.summary.length).toBeGreaterThan(20);
    expect(laureate.programme.sourcePublishedOn).toBe("2022-02-17");
    const missing = caller.laureates.bySlug({ slug: "n-existe-pas" });
    await expect(missing).rejects.toBeInstanceOf(TRPCError);
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the one laureate without a porteur as 'non précisé'", async () => {
    const all = await caller.laureates.list({});
    expect(all.filter((item) => item.porteur === "non précisé")).toHaveLength(1);
  });
});
