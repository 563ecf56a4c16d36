import type { ImportFormat } from "@defis/domain";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { ImportFileError, type ColumnSpec } from "./import-columns.js";
import { rowBatchesOf, type SourceRow } from "./import-readers.js";

/** What the parse worker posts: a batch of rows, the end, or why it stopped. */
export type ParseMessage =
  | { kind: "rows"; rows: SourceRow[] }
  | { kind: "end" }
  | { kind: "unreadable"; message: string }
  | { kind: "failed"; message: string };

/**
 * The worker's file, next to the bundle (`dist/import-parse-worker.js`, built
 * by build.mjs). Run from the TypeScript sources (tests, `pnpm dev`), there is
 * no JavaScript file to start: Node 20 cannot load a TypeScript worker, so the
 * parse runs on the main thread, a batch per turn of the event loop.
 */
export const BUNDLED_PARSE_WORKER: URL | null = import.meta.url.endsWith(".ts")
  ? null
  : new URL("./import-parse-worker.js", import.meta.url);

/**
 * The rows of the file in order, a thousand at a time, read under `columns`,
 * parsed in `worker` (or in turns on this thread).
 */
export async function* parsedBatches<Key extends string>(
  file: { bytes: Buffer; format: ImportFormat },
  columns: ColumnSpec<Key>,
  worker: URL | null = BUNDLED_PARSE_WORKER,
): AsyncGenerator<SourceRow<Key>[]> {
  if (!worker) {
    for await (const rows of rowBatchesOf(file.bytes, file.format, columns)) {
      yield rows;
      await nextTurn();
    }
    return;
  }
  const thread = new Worker(worker, { workerData: { bytes: file.bytes, format: file.format, columns } });
  const waiting: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ParseMessage) => {
    waiting.push(message);
    wake?.();
  };
  thread.on("message", push);
  thread.on("error", (error) => push({ kind: "failed", message: error.message }));
  thread.on("exit", () => push({ kind: "failed", message: "Le fil de lecture s'est arrêté." }));
  try {
    for (;;) {
      const message = waiting.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      // The worker read them with `columns`: each row has a cell under each of its keys.
      if (message.kind === "rows") yield message.rows;
      else if (message.kind === "end") return;
      else if (message.kind === "unreadable") throw new ImportFileError(message.message);
      else throw new Error(`Lecture du relevé interrompue : ${message.message}`);
    }
  } finally {
    // Cancelled, refused or done: the thread has nothing left to do.
    thread.removeAllListeners();
    await thread.terminate();
  }
}
