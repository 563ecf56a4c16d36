import type { Database } from "@defis/db";
import { auditFiltersSchema } from "@defis/domain";
import express, { type Response, type Router } from "express";
import { allAuditEvents } from "../audit/audit-queries.js";
import { requireUser } from "../auth/require-user.js";
import { noStore } from "../http/guards.js";
import { CSV_FORMATS, datedFileName, toCsv, toExcelCsv, type Column, type CsvFormat } from "./csv.js";
import { journalColumns } from "./journal-columns.js";
import { laureateColumns, paymentColumns, trancheColumns } from "./portfolio-columns.js";
import { laureateMoneyRows, paymentRows, portfolioSnapshot, trancheRows } from "./portfolio-queries.js";
import { exclusionSummary, scdlSubventions, toScdlCsv } from "./scdl.js";
import { sheet, toXlsx } from "./xlsx.js";

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The dialect asked for with ?format=, Excel's by default; null for anything else. */
function csvFormatOf(value: unknown): CsvFormat | null {
  if (value === undefined) return "excel";
  return CSV_FORMATS.find((format) => format === value) ?? null;
}

function sendCsv(res: Response, prefix: string, body: string): void {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${datedFileName(prefix, "csv")}"`);
  res.send(body);
}

/** What open data needs and the portfolio's data does not hold. */
export interface OpenDataSettings {
  /** SIRET of the granting body (the DITP), from SCDL_ATTRIBUANT_SIRET; null while not configured. */
  attribuantSiret: string | null;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Downloads, named with their date, for the signed-in user's role. */
export function exportsRoutes(
  db: Database,
  production: boolean,
  openData: OpenDataSettings = { attribuantSiret: null },
): Router {
  const exports = express.Router();
  exports.use(noStore());
  const signedIn = requireUser(db, production, "readPortfolio");

  /** A money table as CSV, in the dialect of ?format=excel (default) or ?format=opendata. */
  function csvRoute<Row>(
    prefix: string,
    rowsOf: () => Promise<Row[]>,
    columns: readonly Column<Row>[],
  ): void {
    exports.get(`/${prefix}.csv`, signedIn, async (req, res) => {
      const format = csvFormatOf(req.query.format);
      if (!format) {
        res.status(400).json({
          error: { message: "Format inconnu : demandez format=excel (par défaut) ou format=opendata." },
        });
        return;
      }
      sendCsv(res, prefix, toCsv(await rowsOf(), columns, format));
    });
  }

  csvRoute("laureats", () => laureateMoneyRows(db), laureateColumns);
  csvRoute("tranches", () => trancheRows(db), trancheColumns);
  csvRoute("paiements", () => paymentRows(db), paymentColumns);

  exports.get("/portefeuille.xlsx", signedIn, async (_req, res) => {
    const { laureates, tranches, payments } = await portfolioSnapshot(db);
    const workbook = await toXlsx([
      sheet({ name: "Lauréats", rows: laureates, columns: laureateColumns }),
      sheet({ name: "Tranches", rows: tranches, columns: trancheColumns }),
      sheet({ name: "Paiements", rows: payments, columns: paymentColumns }),
    ]);
    res.setHeader("Content-Type", XLSX_TYPE);
    res.setHeader("Content-Disposition", `attachment; filename="${datedFileName("portefeuille", "xlsx")}"`);
    res.send(workbook);
  });

  exports.get("/scdl-subventions.csv", signedIn, async (_req, res) => {
    const { laureates, tranches, payments } = await portfolioSnapshot(db);
    const scdl = scdlSubventions(laureates, tranches, payments, openData.attribuantSiret);
    // Subsidies that miss a required field are left out rather than published incomplete; the headers say
    // how many and why (percent-encoded: a header carries ASCII only).
    res.setHeader("X-Lignes-Ecartees", String(scdl.excluded.count));
    if (scdl.excluded.count > 0) {
      res.setHeader("X-Lignes-Ecartees-Motifs", encodeURIComponent(exclusionSummary(scdl.excluded)));
    }
    sendCsv(res, "scdl-subventions", toScdlCsv(scdl.rows));
  });

  exports.get("/journal.csv", requireUser(db, production, "readAudit"), async (req, res) => {
    const parsed = auditFiltersSchema.safeParse({
      actorId: optionalNumber(req.query.acteur),
      entity: optionalString(req.query.objet),
      role: optionalString(req.query.role),
      from: optionalString(req.query.du),
      to: optionalString(req.query.au),
    });
    if (!parsed.success) {
      res.status(400).json({ error: { message: parsed.error.issues[0]?.message ?? "Filtres invalides." } });
      return;
    }
    const events = await allAuditEvents(db, parsed.data);
    sendCsv(res, "journal", toExcelCsv(events, journalColumns));
  });

  return exports;
}
