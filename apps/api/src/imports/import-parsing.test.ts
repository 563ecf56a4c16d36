import { build } from "esbuild";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, PAYMENT_COLUMNS } from "./import-columns.js";
import { parsedBatches } from "./import-parsing.js";

/**
 * The parse worker as build.mjs bundles it: Node 20 cannot start a worker
 * from TypeScript sources, so the test builds it as the production build does.
 */
describe("parsedBatches in a worker thread", () => {
  let folder: string;
  let worker: URL;

  beforeAll(async () => {
    // Inside apps/api, so that the worker finds csv-parse and exceljs in its node_modules.
    folder = await mkdtemp(join(import.meta.dirname, "../../.parse-worker-"));
    const outfile = join(folder, "import-parse-worker.js");
    await build({
      entryPoints: [join(import.meta.dirname, "import-parse-worker.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    worker = pathToFileURL(outfile);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function rowsOf(text: string) {
    const batches: number[][] = [];
    for await (const batch of parsedBatches(
      { bytes: Buffer.from(text), format: "csv" },
      PAYMENT_COLUMNS,
      worker,
    ))
      batches.push(batch.map((row) => row.line));
    return batches;
  }

  it("posts the rows a thousand at a time, with their lines in the file", async () => {
    const lines = Array.from({ length: 2_500 }, (_, index) => `2100000001;01/01/2024;1,00;R-${index}`);
    const batches = await rowsOf(`EJ;date;montant;référence\n${lines.join("\n")}\n`);
    expect(batches.map((batch) => batch.length)).toEqual([1_000, 1_000, 500]);
    expect(batches[0]?.[0]).toBe(2);
    expect(batches[2]?.at(-1)).toBe(2_501);
  });

  it("carries the file's refusal back, in French", async () => {
    await expect(rowsOf("EJ;Date;Total\n2100000001;01/01/2024;10\n")).rejects.toThrow(ImportFileError);
    await expect(rowsOf("")).rejects.toThrow("Le fichier est vide.");
  });
});
