import { count, eq, sql } from "drizzle-orm";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "./database.js";
import { DataFolderInUseError } from "./pglite-lock.js";
import { prepareDatabase } from "./prepare.js";
import { LAUREATES } from "./reference/laureates.js";
import {
  adoptions,
  allocations,
  laureates,
  programmes,
  replicationScorecards,
  reusableAssets,
} from "./schema/index.js";
import { createEmptyPostgresDatabase, testDatabaseKind } from "./testing.js";

const kind = testDatabaseKind();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty, unmigrated database of the engine under test, closed after the file. */
async function emptyDatabase(): Promise<{ open: () => Promise<DatabaseHandle> }> {
  if (kind === "postgresql") {
    const { url, drop } = await createEmptyPostgresDatabase();
    cleanups.push(drop);
    return { open: () => createDatabase({ kind: "postgresql", url }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "defis-db-"));
  return { open: () => createDatabase({ kind: "pglite", dataDir }) };
}

async function tally(handle: DatabaseHandle) {
  const [laureateRows] = await handle.db.select({ total: count() }).from(laureates);
  const [programmeRows] = await handle.db.select({ total: count() }).from(programmes);
  const [demoRows] = await handle.db
    .select({ total: count() })
    .from(allocations)
    .where(eq(allocations.isDemo, true));
  return { laureates: laureateRows?.total, programmes: programmeRows?.total, demo: demoRows?.total };
}

describe(`prepareDatabase (${kind})`, () => {
  it("migrates, seeds the reference data and the scenario on a new database, then changes nothing", async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    try {
      expect(await prepareDatabase(handle, { demo: true })).toEqual({ created: true, demoSeeded: true });
      const first = await tally(handle);
      expect(first).toEqual({ laureates: LAUREATES.length, programmes: 1, demo: LAUREATES.length });
      expect(await prepareDatabase(handle, { demo: true })).toEqual({ created: false, demoSeeded: true });
      expect(await tally(handle)).toEqual(first);
    } finally {
      await handle.close();
    }
  });

  it("never overwrites a laureate an officer has edited", async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    try {
      await prepareDatabase(handle, { demo: false });
      await handle.db
        .update(laureates)
        .set({ porteur: "Porteur renseigné par la DITP" })
        .where(eq(laureates.slug, "prevention-perte-autonomie"));
      await prepareDatabase(handle, { demo: false });
      const [row] = await handle.db
        .select({ porteur: laureates.porteur })
        .from(laureates)
        .where(eq(laureates.slug, "prevention-perte-autonomie"));
      expect(row?.porteur).toBe("Porteur renseigné par la DITP");
    } finally {
      await handle.close();
    }
  });

  it("completes an older demonstration database with the replication scenario, once", async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    const replicationTally = async () => ({
      scorecards: (await handle.db.select({ total: count() }).from(replicationScorecards))[0]?.total,
      adoptions: (await handle.db.select({ total: count() }).from(adoptions))[0]?.total,
      assets: (await handle.db.select({ total: count() }).from(reusableAssets))[0]?.total,
    });
    try {
      await prepareDatabase(handle, { demo: true });
      const seeded = await replicationTally();
      expect(seeded.scorecards).toBeGreaterThan(0);
      expect(seeded.adoptions).toBeGreaterThan(0);
      // A database seeded before replication existed has none of it.
      await handle.db.delete(replicationScorecards);
      await handle.db.delete(adoptions);
      await handle.db.delete(reusableAssets);
      await prepareDatabase(handle, { demo: true });
      expect(await replicationTally()).toEqual(seeded);
      await prepareDatabase(handle, { demo: true });
      expect(await replicationTally()).toEqual(seeded);
    } finally {
      await handle.close();
    }
  });

  it("adds no demonstration data when it is off", async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    try {
      await prepareDatabase(handle, { demo: false });
      expect((await tally(handle)).demo).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it("keeps the demonstration allocations within the envelope", async () => {
    const { open } = await emptyDatabase();
    const handle = await open();
    try {
      await prepareDatabase(handle, { demo: true });
      const [row] = await handle.db
        .select({ allocated: sql<string>`sum(${allocations.amountCents})` })
        .from(allocations);
      expect(Number(row?.allocated)).toBeLessThanOrEqual(300_000_000);
      expect(Number(row?.allocated)).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});

describe.runIf(kind === "postgresql")("several instances starting together on PostgreSQL", () => {
  it("apply each migration once and seed once", async () => {
    const { open } = await emptyDatabase();
    const instances = await Promise.all([open(), open(), open()]);
    try {
      const results = await Promise.all(instances.map((handle) => prepareDatabase(handle, { demo: true })));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      const [first] = instances as [DatabaseHandle, ...DatabaseHandle[]];
      const [applied] = await first.db
        .select({ total: sql<number>`count(*)::int` })
        .from(sql`drizzle.__drizzle_migrations`);
      const journal = (await import("../drizzle/meta/_journal.json", { with: { type: "json" } })).default;
      expect(applied?.total).toBe(journal.entries.length);
      expect(await tally(first)).toEqual({
        laureates: LAUREATES.length,
        programmes: 1,
        demo: LAUREATES.length,
      });
    } finally {
      await Promise.all(instances.map((handle) => handle.close()));
    }
  });
});

describe.runIf(kind === "pglite")("the PGlite data folder", () => {
  it("refuses a second opening while the first is open, with a clear message", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "defis-lock-"));
    const first = await createDatabase({ kind: "pglite", dataDir });
    try {
      const second = createDatabase({ kind: "pglite", dataDir });
      await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(second).rejects.toThrow(/déjà ouvert par un autre processus Défis/);
    } finally {
      await first.close();
    }
    const reopened = await createDatabase({ kind: "pglite", dataDir });
    await reopened.close();
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "defis-lock-"));
    const deadPid = 2 ** 22 + 1; // above Linux's pid_max: no such process
    writeFileSync(join(dataDir, "defis.lock"), String(deadPid));
    const handle = await createDatabase({ kind: "pglite", dataDir });
    await handle.close();
  });
});
