import type { Database, Transaction } from "@defis/db";
import {
  auditFiltersSchema,
  DECISIONS_DOWNLOAD,
  downloadFileName,
  IMPACT_TABLE_DOWNLOADS,
  JOURNAL_DOWNLOAD,
  MONEY_TABLE_DOWNLOADS,
  SCDL_DOWNLOAD,
  WORKBOOK_DOWNLOAD,
  type DownloadDefinition,
} from "@defis/domain";
import express, { type Response, type Router } from "express";
import { exportedAuditEvents, toAuditItem } from "../audit/audit-queries.js";
import { requireUser } from "../auth/require-user.js";
import { noStore } from "../http/guards.js";
import { parisDay } from "../paris-day.js";
import { CSV_FORMATS, csvPieces, toCsv, type Column, type CsvFormat } from "./csv.js";
import { decisionColumns } from "./decision-columns.js";
import {
  indicatorColumns,
  indicatorExportRows,
  measureColumns,
  measureExportRows,
} from "./impact-columns.js";
import { journalColumns } from "./journal-columns.js";
import { listAllDecisions } from "../reviews/decision-queries.js";
import { laureateColumns, paymentColumns, trancheColumns } from "./portfolio-columns.js";
import { laureateMoneyRows, paymentRows, portfolioSnapshot, trancheRows } from "./portfolio-queries.js";
import { exclusionSummary, scdlSubventions, toScdlCsv } from "./scdl.js";
import { cursorChunks, inReadSnapshot, mapChunks, type SelectOf } from "./read-snapshot.js";
import { sendPieces } from "./send-pieces.js";
import { sheet, writeXlsx } from "./xlsx.js";

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

function csvHeaders(res: Response, download: DownloadDefinition, format: CsvFormat = "excel"): void {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", attachment(download, "csv", format));
}

function refuseFormat(res: Response): void {
  res.status(400).json({
    error: { message: "Format inconnu : demandez format=excel (par défaut) ou format=opendata." },
  });
}

/** Rows read whole, as the one chunk of a sheet, read when the sheet's turn comes. */
async function* wholeChunk<Row>(read: () => Promise<Row[]>): AsyncGenerator<Row[]> {
  yield await read();
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

  /**
   * A money table as CSV, in the dialect of ?format=excel (default) or
   * ?format=opendata, streamed from one snapshot of the database.
   */
  function csvRoute<Row>(
    download: DownloadDefinition,
    queryOf: (tx: Transaction) => SelectOf<Row>,
    columns: readonly Column<Row>[],
  ): void {
    exports.get(`/${download.route}`, signedIn, async (req, res) => {
      const format = csvFormatOf(req.query.format);
      if (!format) {
        refuseFormat(res);
        return;
      }
      csvHeaders(res, download, format);
      await inReadSnapshot(db, (tx) =>
        sendPieces(res, csvPieces(cursorChunks(tx, queryOf(tx)), columns, format)),
      );
    });
  }

  csvRoute(MONEY_TABLE_DOWNLOADS.laureats, (tx) => laureateMoneyRows(tx), laureateColumns);
  csvRoute(MONEY_TABLE_DOWNLOADS.tranches, trancheRows, trancheColumns);
  csvRoute(MONEY_TABLE_DOWNLOADS.paiements, paymentRows, paymentColumns);
  csvRoute(IMPACT_TABLE_DOWNLOADS.mesures, measureExportRows, measureColumns);

  // A handful of indicators per laureate, with where each stands worked out by the Impact tab's reading: built whole.
  exports.get(`/${IMPACT_TABLE_DOWNLOADS.indicateurs.route}`, signedIn, async (req, res) => {
    const format = csvFormatOf(req.query.format);
    if (!format) {
      refuseFormat(res);
      return;
    }
    const rows = await inReadSnapshot(db, (tx) => indicatorExportRows(tx, parisDay()));
    csvHeaders(res, IMPACT_TABLE_DOWNLOADS.indicateurs, format);
    res.send(toCsv(rows, indicatorColumns, format));
  });

  // A few dozen decisions a year, with their standing worked out by the reviews' own reading: built whole.
  exports.get(
    `/${DECISIONS_DOWNLOAD.route}`,
    requireUser(db, production, "readDecisions"),
    async (req, res) => {
      const format = csvFormatOf(req.query.format);
      if (!format) {
        refuseFormat(res);
        return;
      }
      const body = toCsv(await listAllDecisions(db, parisDay()), decisionColumns, format);
      csvHeaders(res, DECISIONS_DOWNLOAD, format);
      res.send(body);
    },
  );

  // The sheets read one snapshot, each through its own cursor (the indicators at once), one after the other.
  exports.get(`/${WORKBOOK_DOWNLOAD.route}`, signedIn, async (_req, res) => {
    res.setHeader("Content-Type", XLSX_TYPE);
    res.setHeader("Content-Disposition", attachment(WORKBOOK_DOWNLOAD, "xlsx"));
    await inReadSnapshot(db, (tx) =>
      writeXlsx(res, [
        sheet({
          name: "Lauréats",
          chunks: cursorChunks(tx, laureateMoneyRows(tx)),
          columns: laureateColumns,
        }),
        sheet({ name: "Tranches", chunks: cursorChunks(tx, trancheRows(tx)), columns: trancheColumns }),
        sheet({ name: "Paiements", chunks: cursorChunks(tx, paymentRows(tx)), columns: paymentColumns }),
        sheet({
          name: "Indicateurs",
          chunks: wholeChunk(() => indicatorExportRows(tx, parisDay())),
          columns: indicatorColumns,
        }),
        sheet({ name: "Mesures", chunks: cursorChunks(tx, measureExportRows(tx)), columns: measureColumns }),
      ]),
    );
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
    csvHeaders(res, SCDL_DOWNLOAD);
    res.send(toScdlCsv(scdl.rows));
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
    csvHeaders(res, JOURNAL_DOWNLOAD);
    const filters = parsed.data;
    await inReadSnapshot(db, (tx) =>
      sendPieces(
        res,
        csvPieces(
          mapChunks(cursorChunks(tx, exportedAuditEvents(tx, filters)), toAuditItem),
          journalColumns,
          "excel",
        ),
      ),
    );
  });

  return exports;
}
