import { schema, type Database, type Executor } from "@defis/db";
import type { AnyImportReport, ImportCounts, ImportJob, ImportKind, ImportMode } from "@defis/domain";
import { ACTIVE_IMPORT_JOB_STATUSES, formatDateTime } from "@defis/domain";
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Actor } from "../audit/record-audit.js";
import type { Logger } from "../logger.js";
import { ImportFileError } from "./import-columns.js";
import { applyMeasureImport, simulateMeasureImport } from "./measure-import.js";
import { applyPaymentImport, simulatePaymentImport } from "./payment-import.js";
import { ImportRefused } from "./import-report.js";
import { ImportOutdated, sha256Of, type ImportFile, type ImportSteps } from "./import-run.js";

/** How each kind of file is checked (simulation) or imported (application). */
interface ImportRunner {
  simulate(
    db: Database,
    file: ImportFile,
    today: string,
    steps: ImportSteps<never>,
  ): Promise<AnyImportReport>;
  apply(
    db: Database,
    actor: Actor,
    file: ImportFile,
    today: string,
    steps: ImportSteps<never>,
  ): Promise<AnyImportReport>;
}

const RUNNERS: Record<ImportKind, ImportRunner> = {
  paiements: { simulate: simulatePaymentImport, apply: applyPaymentImport },
  mesures: { simulate: simulateMeasureImport, apply: applyMeasureImport },
};

const { importJobs, users } = schema;

/** A job that has not moved for this long lost its process: the next import may take its place. */
export const STALE_JOB_SECONDS = 120;

const INTERRUPTED =
  "Import interrompu : le serveur s'est arrêté pendant le traitement. Rien n'a été enregistré ; relancez-le.";

/** Another import runs: one at a time, whichever instance and whoever started it. */
export class ImportBusy extends Error {
  constructor(running: ImportJob<unknown>) {
    const at = formatDateTime(running.createdAt);
    super(
      `Un import est déjà en cours (n° ${running.id}, ${running.mode === "simulation" ? "vérification" : "écriture"} ` +
        `lancée le ${at}${running.requestedBy ? ` par ${running.requestedBy}` : ""}) : attendez qu'il se termine ` +
        "ou annulez-le, puis recommencez.",
    );
    this.name = "ImportBusy";
  }
}

/** The user asked to stop the job; nothing was written. */
class ImportCancelled extends Error {}

const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  mode: importJobs.mode,
  status: importJobs.status,
  format: importJobs.format,
  sha256: importJobs.sha256,
  requestedBy: users.displayName,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
  rowsRead: importJobs.rowsRead,
  matched: importJobs.matched,
  refused: importJobs.refused,
  duplicates: importJobs.duplicates,
  message: importJobs.message,
  report: importJobs.report,
};

async function readJobs(
  db: Executor,
  where: SQL | undefined,
  limit = 1,
): Promise<ImportJob<AnyImportReport>[]> {
  const rows = await db
    .select(jobColumns)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.requestedBy))
    .where(where)
    .orderBy(desc(importJobs.id))
    .limit(limit);
  return rows.map(
    ({ rowsRead, matched, refused, duplicates, createdAt, finishedAt, requestedBy, ...job }) => ({
      ...job,
      requestedBy: requestedBy ?? null,
      createdAt: createdAt.toISOString(),
      finishedAt: finishedAt?.toISOString() ?? null,
      progress: { rowsRead, matched, refused, duplicates },
      report: job.report ?? null,
    }),
  );
}

/** A job of the kind, by its id; null if there is none (or it imports something else). */
export async function readImportJob(
  db: Executor,
  id: number,
  kind: ImportKind,
): Promise<ImportJob<AnyImportReport> | null> {
  const [job] = await readJobs(db, and(eq(importJobs.id, id), eq(importJobs.kind, kind)));
  return job ?? null;
}

/** The last job of the kind started, so that a page opened again finds the import it left running. */
export async function latestImportJob(
  db: Executor,
  kind: ImportKind,
): Promise<ImportJob<AnyImportReport> | null> {
  const [job] = await readJobs(db, eq(importJobs.kind, kind));
  return job ?? null;
}

/**
 * Marks failed ("interrompu") the jobs left running by a process that stopped:
 * at start, every one on PGlite (one process holds the folder), and on
 * PostgreSQL those that have not moved for STALE_JOB_SECONDS (another instance
 * may be running its own). Nothing of theirs was written: the payments are
 * written in the same transaction that marks a job done.
 */
export async function markInterruptedImportJobs(db: Executor, staleAfterSeconds: number): Promise<number> {
  const marked = await db
    .update(importJobs)
    .set({ status: "echoue", message: INTERRUPTED, finishedAt: sql`now()` })
    .where(
      and(
        inArray(importJobs.status, [...ACTIVE_IMPORT_JOB_STATUSES]),
        lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterSeconds})`),
      ),
    )
    .returning({ id: importJobs.id });
  return marked.length;
}

/** Records the job, or refuses: the unique index `import_job_one_active` admits one running job. */
async function recordJob(
  db: Database,
  actor: Actor,
  kind: ImportKind,
  file: ImportFile,
  mode: ImportMode,
): Promise<number> {
  const insert = () =>
    db
      .insert(importJobs)
      .values({ kind, mode, format: file.format, sha256: sha256Of(file.bytes), requestedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: importJobs.id });
  const first = await insert();
  if (first[0]) return first[0].id;
  // The running job may have lost its process without a restart of this one.
  if ((await markInterruptedImportJobs(db, STALE_JOB_SECONDS)) > 0) {
    const second = await insert();
    if (second[0]) return second[0].id;
  }
  const [running] = await readJobs(db, inArray(importJobs.status, [...ACTIVE_IMPORT_JOB_STATUSES]));
  // It ended between the insert and this read: the place is free again.
  if (!running) return recordJob(db, actor, kind, file, mode);
  throw new ImportBusy(running);
}

/**
 * After each batch: the progress recorded (which also shows the job alive),
 * the cancel button read in the same statement, then a turn of the event
 * loop for the other requests.
 */
function stepsOf(db: Database, id: number): ImportSteps<AnyImportReport> {
  return {
    async afterBatch(totals: Readonly<ImportCounts>) {
      const [job] = await db
        .update(importJobs)
        .set({
          status: "en_cours",
          heartbeatAt: sql`now()`,
          rowsRead: totals.lines,
          matched: totals.toImport,
          refused: totals.errors,
          duplicates: totals.duplicates,
        })
        .where(eq(importJobs.id, id))
        .returning({ cancelRequested: importJobs.cancelRequested });
      if (job?.cancelRequested) throw new ImportCancelled();
      await nextTurn();
    },
    async beforeCommit(tx, report) {
      // Cancelled while the payments were being written (on PostgreSQL): the transaction is rolled back.
      const [done] = await tx
        .update(importJobs)
        .set({ status: "termine", report, finishedAt: sql`now()`, matched: report.totals.toImport })
        .where(and(eq(importJobs.id, id), eq(importJobs.cancelRequested, false)))
        .returning({ id: importJobs.id });
      if (!done) throw new ImportCancelled();
    },
  };
}

type Ending = Partial<typeof importJobs.$inferInsert> & Pick<typeof importJobs.$inferInsert, "status">;

/** How a job that did not complete ends, in French for the page. */
function endingOf(error: unknown, id: number): Ending {
  if (error instanceof ImportCancelled)
    return { status: "annule", message: "Import annulé à votre demande : rien n'a été enregistré." };
  if (error instanceof ImportRefused)
    return {
      status: "refuse",
      message: error.message,
      report: error.report,
      refused: error.report.totals.errors,
    };
  if (error instanceof ImportOutdated || error instanceof ImportFileError)
    return { status: "refuse", message: error.message };
  return {
    status: "echoue",
    message: `L'import n° ${id} a échoué sur une erreur interne : rien n'a été enregistré. Réessayez ; si l'erreur revient, transmettez ce numéro au support.`,
  };
}

async function runJob(
  db: Database,
  logger: Logger,
  id: number,
  run: (steps: ImportSteps<AnyImportReport>) => Promise<unknown>,
): Promise<void> {
  const steps = stepsOf(db, id);
  try {
    await run(steps);
  } catch (error) {
    const ending = endingOf(error, id);
    if (ending.status === "echoue") logger.error({ err: error, importJob: id }, "échec d'un import");
    await db
      .update(importJobs)
      .set({ ...ending, finishedAt: sql`now()` })
      .where(eq(importJobs.id, id))
      .catch((failure: unknown) =>
        logger.error({ err: failure, importJob: id }, "fin d'import non enregistrée"),
      );
  }
}

/** The jobs of this process still running: the tests wait for them. */
const running = new Set<Promise<void>>();

export async function importJobsSettled(): Promise<void> {
  await Promise.all([...running]);
}

/**
 * Starts checking (simulation) or importing (application) the file as a job
 * and answers at once with it: the evaluation runs in steps, the page follows
 * it by its id. One job at a time, whatever it imports (ImportBusy).
 */
export async function startImportJob(
  db: Database,
  logger: Logger,
  actor: Actor,
  file: ImportFile,
  mode: ImportMode,
  today: string,
  kind: ImportKind,
): Promise<ImportJob<AnyImportReport>> {
  const id = await recordJob(db, actor, kind, file, mode);
  // Read before it starts: the answer says the job is recorded, whatever it does next.
  const created = await readImportJob(db, id, kind);
  if (!created) throw new Error(`Import n° ${id} introuvable.`);
  const runner = RUNNERS[kind];
  const job = runJob(db, logger, id, (steps) =>
    mode === "simulation"
      ? runner.simulate(db, file, today, steps).then((report) => steps.beforeCommit?.(db, report))
      : runner.apply(db, actor, file, today, steps),
  ).finally(() => running.delete(job));
  running.add(job);
  return created;
}

/** The job stops at its next step, having written nothing; a job that ended stays as it is. */
export async function cancelImportJob(
  db: Executor,
  id: number,
  kind: ImportKind,
): Promise<ImportJob<AnyImportReport> | null> {
  await db
    .update(importJobs)
    .set({ cancelRequested: true })
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.kind, kind),
        inArray(importJobs.status, [...ACTIVE_IMPORT_JOB_STATUSES]),
      ),
    );
  return readImportJob(db, id, kind);
}
