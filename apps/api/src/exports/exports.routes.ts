import type { Database } from "@defis/db";
import {
  auditFiltersSchema,
  DECISIONS_DOWNLOAD,
  downloadFileName,
  JOURNAL_DOWNLOAD,
  MONEY_TABLE_DOWNLOADS,
  SCDL_DOWNLOAD,
  WORKBOOK_DOWNLOAD,
  type DownloadDefinition,
} from "@defis/domain";
import express, { type Response, type Router } from "express";
import { allAuditEvents } from "../audit/audit-queries.js";
import { requireUser } from "../auth/require-user.js";
import { noStore } from "../http/guards.js";
import { parisDay } from "../paris-day.js";
import { CSV_FORMATS, toCsv, toExcelCsv, type Column, type CsvFormat } from "./csv.js";
import { decisionColumns } from "./decision-columns.js";
import { journalColumns } from "./journal-columns.js";
import { listAllDecisions } from "../reviews/decision-queries.js";
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

/** "attachment; filename=…", named with the day of the export in Paris. */
function attachment(
  download: DownloadDefinition,
  extension: "csv" | "xlsx",
  format: CsvFormat = "excel",
): string {
  return `attachment; filename="${downloadFileName(download, extension, parisDay(), format)}"`;
}

function sendCsv(
  res: Response,
  download: DownloadDefinition,
  body: string,
  format: CsvFormat = "excel",
): void {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", attachment(download, "csv", format));
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

  /** A table as CSV, in the dialect of ?format=excel (default) or ?format=opendata. */
  function csvRoute<Row>(
    download: DownloadDefinition,
    rowsOf: () => Promise<Row[]>,
    columns: readonly Column<Row>[],
    allowed = signedIn,
  ): void {
    exports.get(`/${download.route}`, allowed, async (req, res) => {
      const format = csvFormatOf(req.query.format);
      if (!format) {
        res.status(400).json({
          error: { message: "Format inconnu : demandez format=excel (par défaut) ou format=opendata." },
        });
        return;
      }
      sendCsv(res, download, toCsv(await rowsOf(), columns, format), format);
    });
  }

  csvRoute(MONEY_TABLE_DOWNLOADS.laureats, () => laureateMoneyRows(db), laureateColumns);
  csvRoute(MONEY_TABLE_DOWNLOADS.tranches, () => trancheRows(db), trancheColumns);
  csvRoute(MONEY_TABLE_DOWNLOADS.paiements, () => paymentRows(db), paymentColumns);
  csvRoute(
    DECISIONS_DOWNLOAD,
    () => listAllDecisions(db, parisDay()),
    decisionColumns,
    requireUser(db, production, "readDecisions"),
  );

  exports.get(`/${WORKBOOK_DOWNLOAD.route}`, signedIn, async (_req, res) => {
    const { laureates, tranches, payments } = await portfolioSnapshot(db);
    const workbook = await toXlsx([
      sheet({ name: "Lauréats", rows: laureates, columns: laureateColumns }),
      sheet({ name: "Tranches", rows: tranches, columns: trancheColumns }),
      sheet({ name: "Paiements", rows: payments, columns: paymentColumns }),
    ]);
    res.setHeader("Content-Type", XLSX_TYPE);
    res.setHeader("Content-Disposition", attachment(WORKBOOK_DOWNLOAD, "xlsx"));
    res.send(workbook);
  });

  exports.get(`/${SCDL_DOWNLOAD.route}`, signedIn, async (_req, res) => {
    const { laureates, tranches, payments } = await portfolioSnapshot(db);
    const scdl = scdlSubventions(laureates, tranches, payments, openData.attribuantSiret);
    // Subsidies that miss a required field are left out rather than published incomplete; the headers say
    // how many and why (percent-encoded: a header carries ASCII only).
    res.setHeader("X-Lignes-Ecartees", String(scdl.preview.dropped.length));
    if (scdl.preview.dropped.length > 0) {
      res.setHeader("X-Lignes-Ecartees-Motifs", encodeURIComponent(exclusionSummary(scdl.preview)));
    }
    sendCsv(res, SCDL_DOWNLOAD, toScdlCsv(scdl.rows));
  });

  exports.get(`/${JOURNAL_DOWNLOAD.route}`, requireUser(db, production, "readAudit"), async (req, res) => {
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
    sendCsv(res, JOURNAL_DOWNLOAD, toExcelCsv(events, journalColumns));
  });

  return exports;
}
