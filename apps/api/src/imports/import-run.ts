import type { Executor } from "@defis/db";
import type { ImportCounts, ImportFormat } from "@defis/domain";
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";

/** An uploaded file: its bytes and how to read them. */
export interface ImportFile {
  bytes: Buffer;
  format: ImportFormat;
}

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * How a job follows an import: told after each batch of rows (it records the
 * progress, and may stop the import by throwing), and, in the application,
 * inside the writing transaction, so that the job is marked done with what
 * the import wrote or not at all.
 */
export interface ImportSteps<Report = unknown> {
  afterBatch(totals: Readonly<ImportCounts>): Promise<void>;
  beforeCommit?(tx: Executor, report: Report): Promise<void>;
}

/** Without a job: only let the other requests through between batches. */
export const UNFOLLOWED: ImportSteps = { afterBatch: () => nextTurn() };

/** Between the check of the rows and their writing, what they were checked against changed. */
export class ImportOutdated extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportOutdated";
  }
}
