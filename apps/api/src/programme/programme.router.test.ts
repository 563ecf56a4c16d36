import { schema, type DatabaseHandle } from "@defis/db";
import { findSessionUser, openSession } from "../auth/sessions.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, callerFor, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

describe("programme.overview", () => {
  let withDemo: DatabaseHandle;
  let withoutDemo: DatabaseHandle;
  beforeAll(async () => {
    [withDemo, withoutDemo] = await Promise.all([
      createTestDatabase({ demo: true }),
      createTestDatabase({ demo: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withDemo.close(), withoutDemo.close()]);
  });

  it("gives the envelope, the 27 laureates and the three categories in the announcement's order", async () => {
    const overview = await (await callerAs(withDemo, DEMO_EMAILS.leadership)).programme.overview();
    expect(overview.programme.envelopeCents).toBe(300_000_000);
    expect(overview.programme.laureatesAnnouncedOn).toBe("2022-02-17");
    expect(overview.laureates).toBe(27);
    expect(overview.byCategory.map((group) => [group.key, group.laureates])).toEqual([
      ["organisations", 8],
      ["numerique", 5],
      ["parcours-usagers", 14],
    ]);
  });

  it("groups by ministry, territory and funding mode, each group summing to the whole portfolio", async () => {
    const overview = await (await callerAs(withDemo, DEMO_EMAILS.leadership)).programme.overview();
    for (const groups of [
      overview.byMinistry,
      overview.byTerritory,
      overview.byFundingMode,
      overview.byCategory,
    ]) {
      expect(groups.reduce((sum, group) => sum + group.laureates, 0)).toBe(27);
      expect(groups.reduce((sum, group) => sum + group.allocatedCents, 0)).toBe(overview.allocatedCents);
    }
    expect(overview.byTerritory.find((group) => group.key === "national")?.label).toBe("National");
    expect(overview.byTerritory.find((group) => group.key === "04")?.label).toBe("La Réunion");
  });

  it("keeps reserve + allocations equal to the envelope, allocations within it, and flags demonstration data", async () => {
    const overview = await (await callerAs(withDemo, DEMO_EMAILS.leadership)).programme.overview();
    expect(overview.demonstration).toBe(true);
    expect(overview.allocatedCents).toBeGreaterThan(0);
    expect(overview.allocatedCents).toBeLessThanOrEqual(overview.programme.envelopeCents);
    expect(overview.reserveCents + overview.allocatedCents).toBe(overview.programme.envelopeCents);
  });

  it("refuses anonymous callers", async () => {
    await expect(callerFor(withDemo).programme.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows no allocation and no demonstration notice on a database seeded without the scenario", async () => {
    // No demonstration accounts either: an officer account is created for the test.
    const [officer] = await withoutDemo.db
      .insert(schema.users)
      .values({ email: "agent@ditp.example", displayName: "Agent", role: "charge_mission" })
      .returning({ id: schema.users.id });
    const user = await findSessionUser(withoutDemo.db, await openSession(withoutDemo.db, officer?.id ?? 0));
    const overview = await callerFor(withoutDemo, user).programme.overview();
    expect(overview.laureates).toBe(27);
    expect(overview.demonstration).toBe(false);
    expect(overview.allocatedCents).toBe(0);
    expect(overview.reserveCents).toBe(300_000_000);
  });
});
