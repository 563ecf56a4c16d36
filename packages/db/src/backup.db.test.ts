import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupRefusal, rowsOf, tablesInDependencyOrder } from "./backup.js";
import { restoreBackupFile, writeBackupFile } from "./backup-file.js";
import { createDatabase, type DatabaseHandle } from "./database.js";
import { recordPaymentOutsideSchedule, reversePayment } from "./ledger.js";
import * as schema from "./schema/index.js";
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  testDatabaseKind,
  type TestDatabaseHandle,
} from "./testing.js";

/** Every row of every table, as JSON, in primary-key order: two databases compare equal or not. */
async function contents(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of tablesInDependencyOrder()) {
    const key = sql.join(
      table.primaryKey.map((column) => sql.identifier(column)),
      sql`, `,
    );
    const rows = await rowsOf<{ row: unknown }>(
      handle.db,
      sql`select row_to_json(t) as row from ${sql.identifier(table.name)} t order by ${key}`,
    );
    all[table.name] = rows.map(({ row }) => row);
  }
  return all;
}

describe(`backup and restore (${testDatabaseKind()})`, () => {
  let database: TestDatabaseHandle;
  const folder = mkdtempSync(join(tmpdir(), "defis-backup-"));
  const file = join(folder, "sauvegarde.jsonl");
  let saved: Record<string, unknown[]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A ledger with a payment and its reversal: amounts, sums by month and the audit trail all travel.
    const [allocation] = await database.db
      .select({ laureateId: schema.allocations.laureateId })
      .from(schema.allocations)
      .limit(1);
    const laureateId = allocation?.laureateId ?? 0;
    const paymentId = await recordPaymentOutsideSchedule(
      database.db,
      { userId: null },
      { laureateId, amountCents: 12_345, paidOn: "2026-11-02", reason: "Versement d'essai de la sauvegarde" },
    );
    await reversePayment(
      database.db,
      { userId: null },
      { paymentId, reason: "Erreur de saisie", reversedOn: "2026-11-03" },
    );
    await database.db.insert(schema.auditEvents).values({
      action: "versement.contre-passation",
      entity: "versement",
      entityId: String(paymentId),
      systemAuthor: "systeme",
    });
    await writeBackupFile(database, file);
    saved = await contents(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it("writes a header naming the schema, then every table's rows", () => {
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const header = JSON.parse(lines[0] ?? "{}") as { format: string; tables: string[] };
    expect(header.format).toBe("defis-sauvegarde");
    expect(header.tables).toEqual(Object.keys(saved));
    const rows = lines
      .slice(1)
      .reduce((sum, line) => sum + (JSON.parse(line) as { rows: unknown[] }).rows.length, 0);
    expect(rows).toBe(Object.values(saved).reduce((sum, table) => sum + table.length, 0));
  });

  it("refuses to restore over a database holding data without --force, and changes nothing", async () => {
    await database.db.update(schema.laureates).set({ title: "Titre changé après la sauvegarde" });
    const changed = await contents(database);
    await expect(restoreBackupFile(database, file, { force: false })).rejects.toThrow(/--force/);
    expect(await contents(database)).toEqual(changed);
  });

  it("restores every table exactly with --force, audit trail and monthly sums included, ids going on after", async () => {
    await restoreBackupFile(database, file, { force: true });
    expect(await contents(database)).toEqual(saved);
    const savedPayments = (saved.payment ?? []) as { id: number; laureate_id: number }[];
    const next = await recordPaymentOutsideSchedule(
      database.db,
      { userId: null },
      {
        laureateId: savedPayments[0]?.laureate_id ?? 0,
        amountCents: 1,
        paidOn: "2026-11-04",
        reason: "Après la restauration",
      },
    );
    expect(next).toBeGreaterThan(Math.max(...savedPayments.map((row) => row.id)));
    await restoreBackupFile(database, file, { force: true });
  });

  it("restores into an empty database of the other engine: one portable format", async () => {
    const onServer =
      testDatabaseKind() === "pglite" && process.env.DATABASE_URL
        ? await createEmptyPostgresDatabase()
        : null;
    const target = onServer
      ? await createDatabase({ kind: "postgresql", url: onServer.url })
      : await createDatabase({ kind: "pglite", dataDir: null });
    try {
      await restoreBackupFile(target, file, { force: false });
      expect(await contents(target)).toEqual(saved);
    } finally {
      await target.close();
      await onServer?.drop();
    }
  });

  it("puts the guards back: the audit trail is append-only again after a restore", async () => {
    expect(saved.audit_event?.length).toBeGreaterThan(0);
    await expect(database.db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it("refuses a file that is not a backup, or a damaged one, with nothing written", async () => {
    const notBackup = join(folder, "autre.jsonl");
    writeFileSync(notBackup, `${JSON.stringify({ format: "autre" })}\n`);
    await expect(restoreBackupFile(database, notBackup, { force: true })).rejects.toBeInstanceOf(
      BackupRefusal,
    );
    const damaged = join(folder, "abime.jsonl");
    writeFileSync(
      damaged,
      `${readFileSync(file, "utf8").split("\n").slice(0, 3).join("\n")}\n{pas du json\n`,
    );
    await expect(restoreBackupFile(database, damaged, { force: true })).rejects.toThrow(/abîmé/);
    expect(await contents(database)).toEqual(saved);
  });
});
