import { resolve } from "node:path";
import { createDatabase, type DatabaseHandle } from "../database.js";

/** The command-line scripts read the same two variables as the API. */
export function openDatabaseFromEnv(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createDatabase({ kind: "postgresql", url });
  const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? ".data");
  return createDatabase({ kind: "pglite", dataDir });
}
