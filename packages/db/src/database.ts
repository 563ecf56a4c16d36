import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pg from "pg";
import { lockDataFolder } from "./pglite-lock.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The drizzle database, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Code that reads or writes works the same inside or outside a transaction. */
export type Executor = Database | Transaction;

export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /**
   * Applies the committed migrations; instances starting together migrate once.
   * Another folder serves the migration tests, which stop at an earlier migration.
   */
  migrate(migrationsFolder?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Resolved through the package name rather than a relative path, so that it
 * holds from the sources and from the bundled API alike.
 */
export const MIGRATIONS_FOLDER = join(
  dirname(createRequire(import.meta.url).resolve("@defis/db/package.json")),
  "drizzle",
);

/** Arbitrary but fixed: every instance must ask for the same advisory lock. */
const MIGRATION_LOCK_KEY = 727_202_201;

/** Told of every statement drizzle sends (the tests count them to catch N+1 queries). */
export type QueryListener = (query: string, params: unknown[]) => void;

export type DatabaseConfig = (
  | { kind: "postgresql"; url: string; poolSize?: number }
  /** `dataDir` null keeps the database in memory (tests). */
  | { kind: "pglite"; dataDir: string | null }
) & { onQuery?: QueryListener };

export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const logger = config.onQuery ? { logQuery: config.onQuery } : false;
  return config.kind === "postgresql"
    ? openPostgres(config.url, config.poolSize, logger)
    : openPglite(config.dataDir, logger);
}

type DrizzleLogger = { logQuery: QueryListener } | false;

function openPostgres(url: string, poolSize = 10, logger: DrizzleLogger = false): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const db: Database = drizzleNodePg({ client: pool, schema, logger });
  return {
    db,
    kind: "postgresql",
    async migrate(migrationsFolder = MIGRATIONS_FOLDER) {
      // drizzle's migrator takes no lock: a session-level advisory lock on one
      // connection serialises instances; the second finds nothing left to apply.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, logger: DrizzleLogger = false): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataFolder(dataDir) : () => undefined;
  try {
    // PostgreSQL wants a folder of its own: the lock file stays beside it.
    const client = dataDir ? await PGlite.create(join(dataDir, "pglite")) : await PGlite.create();
    const pgliteDb = drizzlePglite({ client, schema, logger });
    const db: Database = pgliteDb;
    return {
      db,
      kind: "pglite",
      // The folder lock already guarantees a single process.
      migrate: (migrationsFolder = MIGRATIONS_FOLDER) => migratePglite(pgliteDb, { migrationsFolder }),
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
