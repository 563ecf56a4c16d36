import { resolve } from "node:path";
import { createDatabase, type DatabaseHandle } from "../database.js";

/**
 * The command-line scripts find the database as the API does: DATABASE_URL,
 * or DATA_DIR resolved from where `pnpm` was typed (INIT_CWD).
 */
export function openDatabaseFromEnv(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createDatabase({ kind: "postgresql", url });
  const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? ".data");
  return createDatabase({ kind: "pglite", dataDir });
}
