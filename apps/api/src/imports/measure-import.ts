import { schema, type Database, type Executor } from "@defis/db";
import type { ImportCounts, MeasureImportReport, MeasureImportRow } from "@defis/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { MEASURE_COLUMNS } from "./import-columns.js";
import { parsedBatches } from "./import-parsing.js";
import { ImportRefused, ReportBuilder } from "./import-report.js";
import { ImportOutdated, sha256Of, UNFOLLOWED, type ImportFile, type ImportSteps } from "./import-run.js";
import { MeasureEvaluator, type MeasureToWrite } from "./measure-evaluator.js";

const { indicatorMeasures, indicators } = schema;

const NOTHING_WRITTEN = "Aucune mesure n'a été importée";

/** Rows written by one statement. */
const INSERT_ROWS = 1_000;

/** Every row decided, a batch at a time, outside any transaction: the same code for the dry run and the application. */
async function evaluateFile(
  db: Database,
  file: ImportFile,
  today: string,
  steps: ImportSteps<MeasureImportReport>,
) {
  const evaluator = new MeasureEvaluator(db, today);
  const report = new ReportBuilder<MeasureImportRow, ImportCounts>({
    lines: 0,
    toImport: 0,
    duplicates: 0,
    errors: 0,
  });
  const writes: MeasureToWrite[] = [];
  for await (const batch of parsedBatches(file, MEASURE_COLUMNS)) {
    for (const row of await evaluator.evaluate(batch)) {
      report.add(row.report);
      if (row.write) writes.push(row.write);
    }
    await steps.afterBatch(report.totals);
  }
  return { evaluator, report, writes };
}

/** What importing the file of measures would do, row by row, without writing anything. */
export async function simulateMeasureImport(
  db: Database,
  file: ImportFile,
  today: string,
  steps: ImportSteps<MeasureImportReport> = UNFOLLOWED,
): Promise<MeasureImportReport> {
  const { report } = await evaluateFile(db, file, today, steps);
  return report.simulation({ mode: "simulation", format: file.format, sha256: sha256Of(file.bytes) });
}

/** Only one import of measures writes at a time. */
const IMPORT_LOCK = "defis:import.mesures";

function changedMeanwhile(detail: string): ImportOutdated {
  return new ImportOutdated(
    `${NOTHING_WRITTEN} : ${detail} pendant la vérification des lignes. ` +
      "Relancez l'import : le fichier sera vérifié à nouveau.",
  );
}

/** Inserts the measures a thousand at a time; the trigger keeps each one's first version. */
async function insertMeasures(tx: Executor, actor: Actor, writes: MeasureToWrite[], importedFrom: string) {
  let written = 0;
  for (let start = 0; start < writes.length; start += INSERT_ROWS) {
    const inserted = await tx
      .insert(indicatorMeasures)
      .values(
        writes.slice(start, start + INSERT_ROWS).map((write) => ({
          ...write,
          importedFrom,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })),
      )
      .onConflictDoNothing({ target: [indicatorMeasures.indicatorId, indicatorMeasures.measuredOn] })
      .returning({ id: indicatorMeasures.id });
    written += inserted.length;
  }
  return written;
}

/**
 * Imports the file of measures all or nothing: the rows are first decided
 * outside any transaction; one row in error and nothing is written
 * (ImportRefused). Then one short transaction, under an advisory lock: the
 * file's indicators are locked and checked still followed, the new measures
 * inserted (each marked imported from the file, by its SHA-256), and one
 * audit event names the file. A measure entered meanwhile on the same
 * indicator and day makes the whole import stop (ImportOutdated). The same
 * file imported again finds only measures « déjà enregistrées » and writes
 * nothing.
 */
export async function applyMeasureImport(
  db: Database,
  actor: Actor,
  file: ImportFile,
  today: string,
  steps: ImportSteps<MeasureImportReport> = UNFOLLOWED,
): Promise<MeasureImportReport> {
  const base = { mode: "application" as const, format: file.format, sha256: sha256Of(file.bytes) };
  const { evaluator, report, writes } = await evaluateFile(db, file, today, steps);
  if (report.totals.errors > 0) {
    const refusal: MeasureImportReport = report.refusal(base);
    throw new ImportRefused(refusal, NOTHING_WRITTEN);
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${IMPORT_LOCK}))`);
    const indicatorIds = evaluator.indicatorIds();
    if (indicatorIds.length > 0) {
      const followed = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(inArray(indicators.id, indicatorIds), eq(indicators.status, "suivi")))
        .for("share");
      if (followed.length !== indicatorIds.length)
        throw changedMeanwhile("un indicateur du fichier a changé de statut");
    }
    const written = await insertMeasures(tx, actor, writes, base.sha256);
    if (written !== writes.length)
      throw changedMeanwhile("une mesure a été saisie sur un indicateur et un jour du fichier");
    await recordAudit(tx, actor, {
      action: "mesure.import",
      entityId: base.sha256,
      alsoConcerns: [...new Set(writes.map((write) => write.laureateId))],
      after: {
        format: file.format,
        sha256: base.sha256,
        lignes: report.totals.lines,
        mesuresImportees: written,
        dejaEnregistrees: report.totals.duplicates,
      },
    });
    const done: MeasureImportReport = { ...report.simulation(base), applied: { measures: written } };
    await steps.beforeCommit?.(tx, done);
    return done;
  });
}
