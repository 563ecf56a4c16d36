import { recordPaymentsOutsideSchedule, schema, type DatabaseHandle } from "@defis/db";
import { addSyntheticPortfolio } from "@defis/db/synthetic";
import ExcelJS from "exceljs";
import express from "express";
import { count } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportedAuditEvents, toAuditItem } from "../audit/audit-queries.js";
import { createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";
import { toCsv } from "./csv.js";
import { journalColumns } from "./journal-columns.js";
import { laureateColumns, paymentColumns, trancheColumns } from "./portfolio-columns.js";
import { laureateMoneyRows, paymentRows, trancheRows } from "./portfolio-queries.js";
import { cursorChunks, FETCH_SIZE, inReadSnapshot } from "./read-snapshot.js";
import { sendPieces } from "./send-pieces.js";
import { CLOSED_EARLY, sheet, writeXlsx } from "./xlsx.js";

/** More payments than two chunks: every file below crosses chunk boundaries. */
const SYNTHETIC_PAYMENTS = 2 * FETCH_SIZE + 500;

describe("exports streamed from one snapshot", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  let syntheticLaureate: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { afterLaureateId } = await addSyntheticPortfolio(database.db, {
      laureates: 3,
      payments: SYNTHETIC_PAYMENTS,
    });
    syntheticLaureate = afterLaureateId + 1;
    server = await startTestServer(database);
    cookie = await signIn(server.url, DEMO_EMAILS.officer);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  async function downloadText(path: string): Promise<string> {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  }

  const paymentCount = async () =>
    (await database.db.select({ total: count() }).from(schema.payments))[0]?.total;

  it("writes each money table, in both dialects, byte for byte as the whole file written at once", async () => {
    const tables = [
      ["laureats.csv", () => laureateMoneyRows(database.db), laureateColumns],
      ["tranches.csv", () => trancheRows(database.db), trancheColumns],
      ["paiements.csv", () => paymentRows(database.db), paymentColumns],
    ] as const;
    for (const [route, rowsOf, columns] of tables) {
      const rows: unknown[] = await rowsOf();
      for (const format of ["excel", "opendata"] as const) {
        const whole = toCsv(rows, columns as Parameters<typeof toCsv<unknown>>[1], format);
        expect(await downloadText(`/api/exports/${route}?format=${format}`)).toBe(whole);
      }
    }
    expect((await downloadText("/api/exports/paiements.csv")).split("\r\n")).toHaveLength(
      Number(await paymentCount()) + 2,
    );
  });

  it("writes the journal as the whole file written at once", async () => {
    const events = (await exportedAuditEvents(database.db, {})).map(toAuditItem);
    expect(await downloadText("/api/exports/journal.csv")).toBe(toCsv(events, journalColumns, "excel"));
  });

  it("writes every payment into the workbook, the filter over them all", async () => {
    const response = await fetch(`${server.url}/api/exports/portefeuille.xlsx`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Paiements");
    const total = Number(await paymentCount());
    expect(sheet?.rowCount).toBe(total + 1);
    expect(sheet?.autoFilter).toBe(`A1:K${String(total + 1)}`);
    const rows = await paymentRows(database.db);
    const last = rows.at(-1);
    expect(sheet?.getRow(total + 1).getCell(1).value).toBe(last?.id);
    expect(sheet?.getRow(total + 1).getCell(5).value).toBe((last?.amountCents ?? 0) / 100);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Lauréats",
      "Tranches",
      "Paiements",
      "Indicateurs",
      "Mesures",
    ]);
  });

  it("holds one chunk at a time, never every row", async () => {
    const sizes = await inReadSnapshot(database.db, async (tx) => {
      const seen: number[] = [];
      for await (const chunk of cursorChunks(tx, paymentRows(tx))) seen.push(chunk.length);
      return seen;
    });
    expect(Math.max(...sizes)).toBe(FETCH_SIZE);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(Number(await paymentCount()));
  });

  it("reads every sheet at the same instant: a payment recorded meanwhile shows in none (PostgreSQL)", async (context) => {
    // PGlite runs one session: the payment would wait for the export's transaction to end.
    if (database.kind !== "postgresql") context.skip();
    const before = Number(await paymentCount());
    const { paidCents, paymentIds, paymentCents, recorded } = await inReadSnapshot(
      database.db,
      async (tx) => {
        let paid = 0;
        for await (const chunk of cursorChunks(tx, laureateMoneyRows(tx)))
          paid += chunk.reduce((sum, row) => sum + (row.paidCents ?? 0), 0);
        // Written and committed by another connection of the pool, between the first sheet and the last.
        const [paymentId] = await database.db.transaction((other) =>
          recordPaymentsOutsideSchedule(other, { userId: null }, [
            {
              laureateId: syntheticLaureate,
              amountCents: 100,
              paidOn: "2099-12-31",
              reason: "Versement écrit pendant l'export",
            },
          ]),
        );
        const ids: number[] = [];
        let cents = 0;
        for await (const chunk of cursorChunks(tx, paymentRows(tx))) {
          ids.push(...chunk.map((row) => row.id));
          cents += chunk.reduce((sum, row) => sum + row.amountCents, 0);
        }
        return { paidCents: paid, paymentIds: ids, paymentCents: cents, recorded: paymentId };
      },
    );
    expect(paymentIds).toHaveLength(before);
    expect(paymentIds).not.toContain(recorded);
    // The laureates' "versé" and the payments add up: both sheets describe the same ledger.
    expect(paymentCents).toBe(paidCents);
    expect(Number(await paymentCount())).toBe(before + 1);
  });
});

describe("a download that fails half-way", () => {
  it("is cut off, never ended as if it were complete", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "Identifiant;Montant\r\n";
      yield "1;10,00\r\n".repeat(10_000);
      await Promise.reject(new Error("Panne de la base au milieu du fichier"));
    }
    const app = express();
    app.get("/fichier.csv", async (_req, res) => {
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      await sendPieces(res, failing()).catch(() => undefined);
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${String(port)}/fichier.csv`);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it("stops reading the database as soon as the client leaves a workbook", async () => {
    // A client that reads nothing, and leaves while the third chunk is read.
    const client = new Writable({ highWaterMark: 1_024, write: () => undefined });
    let pulled = 0;
    async function* chunks(): AsyncGenerator<{ n: number }[]> {
      for (let index = 0; index < 100; index += 1) {
        pulled += 1;
        if (pulled === 3) client.destroy();
        yield await Promise.resolve(Array.from({ length: 1_000 }, (_, n) => ({ n: index * 1_000 + n })));
      }
    }
    const written = writeXlsx(client, [
      sheet({
        name: "Feuille",
        chunks: chunks(),
        columns: [{ header: "N", kind: "integer", value: (row) => row.n }],
      }),
    ]);
    await expect(written).rejects.toThrow(CLOSED_EARLY);
    expect(pulled).toBe(3);
  });
});
