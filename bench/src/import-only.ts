import { IMPORT_TABLE_HEADER, importLine, measureImport, type Engine } from "./import.js";

/**
 * Only the import measure of `pnpm bench` (which takes an hour): on the built
 * app, `pnpm --filter @defis/bench bench:import [pglite|postgresql]`, with
 * BENCH_IMPORT_ROWS rows (100 000 by default). Prints the report's lines.
 */
const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const asked = process.argv
  .slice(2)
  .filter((engine): engine is Engine => engine === "pglite" || engine === "postgresql");
const lines = [...IMPORT_TABLE_HEADER];
for (const engine of asked.length > 0 ? asked : (["pglite", "postgresql"] as const)) {
  process.stdout.write(`› import d'un relevé de ${rows} lignes sur ${engine}\n`);
  lines.push(importLine(await measureImport(engine, SERVER_URL, rows)));
  process.stdout.write(`${lines.at(-1) ?? ""}\n`);
}
process.stdout.write(`\n${lines.join("\n")}\n`);
