import type { Database } from "@defis/db";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { requireUser, signedInUser } from "../auth/require-user.js";
import { noStore, requireHeader, sameOriginOnly } from "../http/guards.js";
import { TRPC_SOURCE_HEADER } from "../http/security.js";
import { parisDay } from "../paris-day.js";
import type { ImportFormat, ImportKind, Permission } from "@defis/domain";
import type { Logger } from "../logger.js";
import {
  cancelImportJob,
  ImportBusy,
  latestImportJob,
  readImportJob,
  startImportJob,
} from "./import-jobs.js";

/** Largest accepted extract: 100 000 rows of a Chorus CSV weigh about 6 Mo. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FORMATS: Record<string, ImportFormat> = {
  "text/csv": "csv",
  [XLSX_CONTENT_TYPE]: "xlsx",
};

const MODES = ["simulation", "application"] as const;

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { message } });
}

function formatOf(req: Request): ImportFormat | null {
  const type = (req.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return FORMATS[type] ?? null;
}

/**
 * The raw body, up to `limit` bytes; null beyond. Reading stops at the limit
 * (the connection is then closed after the answer) rather than draining it.
 */
function readBody(req: Request, limit: number): Promise<Buffer | null> {
  if (Number(req.get("content-length") ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      resolve(Buffer.concat(chunks, total));
    });
    req.once("error", reject);
  });
}

function jobId(req: Request): number | null {
  const id = Number(req.params.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Who may import each kind of file: officers (and administrators) for both. */
const IMPORT_PERMISSIONS: Record<ImportKind, Permission> = {
  paiements: "manageMoney",
  mesures: "defineIndicators",
};

/**
 * POST /api/imports/paiements?mode=simulation|application, the body being
 * the file itself (text/csv or XLSX): records the import as a job and answers
 * at once (202) with it; the page then follows it by
 * GET /api/imports/paiements/travaux/:id (or …/dernier, the last one started)
 * and may cancel it by POST …/travaux/:id/annulation. The same under
 * /api/imports/mesures for a file of measures. Guarded like every mutation:
 * same origin, the custom header a cross-site form cannot send, an officer
 * or an administrator.
 */
export function importsRoutes(db: Database, production: boolean, logger: Logger): Router {
  const imports = express.Router();
  imports.use(noStore(), sameOriginOnly(), requireHeader(TRPC_SOURCE_HEADER));
  for (const kind of Object.keys(IMPORT_PERMISSIONS) as ImportKind[]) {
    importRoutesOf(imports, kind, requireUser(db, production, IMPORT_PERMISSIONS[kind]), db, logger);
  }
  return imports;
}

function importRoutesOf(
  imports: Router,
  kind: ImportKind,
  allowed: RequestHandler,
  db: Database,
  logger: Logger,
): void {
  imports.post(`/${kind}`, allowed, async (req, res) => {
    const mode = MODES.find((candidate) => candidate === req.query.mode);
    if (!mode) {
      refuse(res, 400, "Précisez mode=simulation (vérification) ou mode=application (import).");
      return;
    }
    const format = formatOf(req);
    if (!format) {
      refuse(res, 415, "Envoyez un fichier CSV (text/csv) ou un classeur XLSX.");
      return;
    }
    const bytes = await readBody(req, MAX_IMPORT_BYTES);
    if (!bytes) {
      res.setHeader("Connection", "close");
      refuse(res, 413, "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.");
      return;
    }
    try {
      const job = await startImportJob(db, logger, actorOf(req), { bytes, format }, mode, parisDay(), kind);
      res.status(202).json({ job });
    } catch (error) {
      if (!(error instanceof ImportBusy)) throw error;
      refuse(res, 409, error.message);
    }
  });

  imports.get(`/${kind}/travaux/dernier`, allowed, async (_req, res) => {
    res.json({ job: await latestImportJob(db, kind) });
  });

  imports.get(`/${kind}/travaux/:id`, allowed, async (req, res) => {
    const id = jobId(req);
    const job = id === null ? null : await readImportJob(db, id, kind);
    if (!job) refuse(res, 404, "Cet import n'existe pas.");
    else res.json({ job });
  });

  imports.post(`/${kind}/travaux/:id/annulation`, allowed, async (req, res) => {
    const id = jobId(req);
    const job = id === null ? null : await cancelImportJob(db, id, kind);
    if (!job) refuse(res, 404, "Cet import n'existe pas.");
    else res.json({ job });
  });
}

function actorOf(req: Request) {
  const user = signedInUser(req);
  return { userId: user.id, role: user.role, requestId: req.id };
}
