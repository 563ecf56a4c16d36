import { parentPort, workerData } from "node:worker_threads";
import type { ImportFormat } from "@defis/domain";
import { ImportFileError, type ColumnSpec } from "./import-columns.js";
import { rowBatchesOf } from "./import-readers.js";
import type { ParseMessage } from "./import-parsing.js";

/**
 * The parse of an extract, in a worker thread: reading 100 000 rows of CSV or
 * unzipping a workbook takes seconds of CPU that would otherwise freeze every
 * request. Each batch of rows is posted as soon as it is read.
 */
const { bytes, format, columns } = workerData as {
  bytes: Uint8Array;
  format: ImportFormat;
  columns: ColumnSpec;
};
const post = (message: ParseMessage) => parentPort?.postMessage(message);
try {
  for await (const rows of rowBatchesOf(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    format,
    columns,
  ))
    post({ kind: "rows", rows });
  post({ kind: "end" });
} catch (error) {
  post(
    error instanceof ImportFileError
      ? { kind: "unreadable", message: error.message }
      : { kind: "failed", message: error instanceof Error ? error.message : String(error) },
  );
}
