import {
  recordPaymentOutsideSchedule,
  scheduleLedgerBreaches,
  schema,
  setAllocation,
  type DatabaseHandle,
} from "@defis/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, silentLogger } from "../testing/test-app.js";
import {
  cancelImportJob,
  ImportBusy,
  importJobsSettled,
  latestImportJob,
  markInterruptedImportJobs,
  readImportJob,
  STALE_JOB_SECONDS,
  startImportJob,
} from "./import-jobs.js";
import { ImportOutdated } from "./import-run.js";
import { applyPaymentImport } from "./payment-import.js";

const { allocations, auditEvents, fundingRecords, importJobs, laureates, payments, users } = schema;

const EJ = "2100000042";
const TODAY = "2026-12-06";

/** `rows` payments of 1 € for the laureate of EJ, each with its own reference. */
function extract(rows: number, prefix: string) {
  const lines = Array.from({ length: rows }, (_, index) => `${EJ};02/01/2024;1,00;${prefix}-${index}`);
  return { bytes: Buffer.from(`EJ;date;montant;référence\n${lines.join("\n")}\n`), format: "csv" as const };
}

describe("payment imports as jobs", () => {
  let database: DatabaseHandle;
  let laureateId: number;
  let actor: { userId: number; role: "charge_mission"; requestId: null };

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    const [user] = await database.db
      .insert(users)
      .values({ email: "agent@ditp.example", displayName: "Agnès Agent", role: "charge_mission" })
      .returning({ id: users.id });
    const [laureate] = await database.db.select({ id: laureates.id }).from(laureates).limit(1);
    if (!user || !laureate) throw new Error("Données de test absentes.");
    laureateId = laureate.id;
    actor = { userId: user.id, role: "charge_mission", requestId: null };
    await setAllocation(
      database.db,
      { userId: user.id },
      { laureateId, amountCents: 100_000_000, reason: "Attribution" },
    );
    await database.db
      .insert(fundingRecords)
      .values({ laureateId, ejNumber: EJ, conventionDate: "2022-03-01" });
  });
  afterAll(async () => {
    await database.close();
  });

  async function importedPayments(): Promise<number> {
    const [row] = await database.db
      .select({ total: count() })
      .from(payments)
      .where(eq(payments.source, "import"));
    return row?.total ?? -1;
  }

  it("records the job, its progress and its report; the last job is found again", async () => {
    const started = await startImportJob(
      database.db,
      silentLogger,
      actor,
      extract(2_500, "VIE"),
      "application",
      TODAY,
      "paiements",
    );
    expect(started).toMatchObject({
      status: "en_attente",
      mode: "application",
      requestedBy: "Agnès Agent",
      report: null,
    });
    await importJobsSettled();
    const done = await readImportJob(database.db, started.id, "paiements");
    expect(done).toMatchObject({
      status: "termine",
      progress: { rowsRead: 2_500, matched: 2_500, refused: 0, duplicates: 0 },
      message: null,
    });
    expect(done?.report?.applied).toEqual({
      payments: 2_500,
      amountCents: 250_000,
      tranchesPaid: 0,
      outsideSchedule: 2_500,
    });
    expect(done?.finishedAt).not.toBeNull();
    expect((await latestImportJob(database.db, "paiements"))?.id).toBe(started.id);
    expect(await importedPayments()).toBe(2_500);
    const events = await database.db
      .select({ total: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, "import.paiements"));
    expect(events[0]?.total).toBe(1);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });

  it("stops a cancelled job at its next step, having written nothing", async () => {
    const before = await importedPayments();
    const started = await startImportJob(
      database.db,
      silentLogger,
      actor,
      extract(3_000, "ANN"),
      "application",
      TODAY,
      "paiements",
    );
    expect((await cancelImportJob(database.db, started.id, "paiements"))?.status).toMatch(/^en_/);
    await importJobsSettled();
    expect(await readImportJob(database.db, started.id, "paiements")).toMatchObject({
      status: "annule",
      message: "Import annulé à votre demande : rien n'a été enregistré.",
      report: null,
    });
    expect(await importedPayments()).toBe(before);
    // A job that has ended stays as it is.
    expect((await cancelImportJob(database.db, started.id, "paiements"))?.status).toBe("annule");
  });

  it("refuses a second import while one runs, naming it", async () => {
    const first = await startImportJob(
      database.db,
      silentLogger,
      actor,
      extract(2_000, "UN"),
      "simulation",
      TODAY,
      "paiements",
    );
    const second = startImportJob(
      database.db,
      silentLogger,
      actor,
      extract(10, "DEUX"),
      "application",
      TODAY,
      "paiements",
    );
    await expect(second).rejects.toThrow(ImportBusy);
    await expect(second).rejects.toThrow(
      new RegExp(
        `^Un import est déjà en cours \\(n° ${first.id}, vérification lancée le \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d par Agnès Agent\\)`,
      ),
    );
    await importJobsSettled();
    expect((await readImportJob(database.db, first.id, "paiements"))?.status).toBe("termine");
  });

  it("marks failed a job its process left running: at start on PGlite, once stale on PostgreSQL", async () => {
    const [orphan] = await database.db
      .insert(importJobs)
      .values({
        mode: "application",
        status: "en_cours",
        format: "csv",
        sha256: "0".repeat(64),
        requestedBy: actor.userId,
      })
      .returning({ id: importJobs.id });
    if (!orphan) throw new Error("Travail non créé.");
    expect(await markInterruptedImportJobs(database.db, STALE_JOB_SECONDS)).toBe(0);
    await expect(
      startImportJob(database.db, silentLogger, actor, extract(1, "X"), "simulation", TODAY, "paiements"),
    ).rejects.toThrow(ImportBusy);
    expect(await markInterruptedImportJobs(database.db, 0)).toBe(1);
    expect(await readImportJob(database.db, orphan.id, "paiements")).toMatchObject({
      status: "echoue",
      message: expect.stringMatching(/^Import interrompu : le serveur s'est arrêté/) as string,
    });
    await startImportJob(database.db, silentLogger, actor, extract(1, "X"), "simulation", TODAY, "paiements");
    await importJobsSettled();
  });

  it("refuses to write when the ledger of a laureate of the file changed after its rows were checked", async () => {
    const before = await importedPayments();
    const [allocation] = await database.db
      .select({ paidCents: allocations.paidCents })
      .from(allocations)
      .where(eq(allocations.laureateId, laureateId));
    let changed = false;
    const applying = applyPaymentImport(database.db, actor, extract(1_500, "CHG"), TODAY, {
      async afterBatch() {
        if (changed) return;
        changed = true;
        // An officer records a payment by hand while the file is being checked.
        await recordPaymentOutsideSchedule(
          database.db,
          { userId: actor.userId },
          {
            laureateId,
            amountCents: 100,
            paidOn: "2024-01-03",
            reason: "Versement saisi pendant l'import",
          },
        );
      },
    });
    await expect(applying).rejects.toThrow(ImportOutdated);
    await expect(applying).rejects.toThrow(/le grand livre d'un lauréat du fichier a changé/);
    expect(await importedPayments()).toBe(before);
    const [after] = await database.db
      .select({ paidCents: allocations.paidCents })
      .from(allocations)
      .where(eq(allocations.laureateId, laureateId));
    expect(after?.paidCents).toBe((allocation?.paidCents ?? 0) + 100);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });
});
