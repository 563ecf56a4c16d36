import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { createDatabase, MIGRATIONS_FOLDER, type DatabaseHandle, type QueryListener } from "./database.js";
import { prepareDatabase, type PrepareOptions } from "./prepare.js";

/**
 * Which engine integration tests run on: vitest sets DEFIS_TEST_DATABASE per
 * project, so the same test files run on PGlite and on PostgreSQL.
 */
export function testDatabaseKind(): "pglite" | "postgresql" {
  return process.env.DEFIS_TEST_DATABASE === "postgresql" ? "postgresql" : "pglite";
}

/**
 * A fresh, migrated and seeded database for one test file: in memory on
 * PGlite, or a new database on the PostgreSQL server of DATABASE_URL that
 * `close()` drops again.
 */
/**
 * A test database, and a way to open it again as another API instance would:
 * a second connection pool on PostgreSQL, the same handle on PGlite (which
 * takes one process only).
 */
export interface TestDatabaseHandle extends DatabaseHandle {
  openAnotherInstance(): Promise<DatabaseHandle>;
}

export async function createTestDatabase(
  options: PrepareOptions = { demo: true },
  onQuery?: QueryListener,
): Promise<TestDatabaseHandle> {
  const handle =
    testDatabaseKind() === "postgresql"
      ? await createPostgresTestDatabase(onQuery)
      : await createPgliteTestDatabase(onQuery);
  try {
    await prepareDatabase(handle, options);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** A fresh empty PostgreSQL database; its URL, and a function that drops it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL est requis pour les tests sur PostgreSQL.");
  const name = `defis_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const dropDatabase = async () => {
    await withAdminClient(serverUrl, (client) =>
      client.query(`drop database if exists ${name} with (force)`),
    );
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: dropDatabase,
  };
}

async function createPgliteTestDatabase(onQuery?: QueryListener): Promise<TestDatabaseHandle> {
  const handle = await createDatabase({ kind: "pglite", dataDir: null, ...(onQuery ? { onQuery } : {}) });
  return {
    ...handle,
    openAnotherInstance: () => Promise.resolve({ ...handle, close: () => Promise.resolve() }),
  };
}

async function createPostgresTestDatabase(onQuery?: QueryListener): Promise<TestDatabaseHandle> {
  const { url, drop } = await createEmptyPostgresDatabase();
  const handle = await createDatabase({
    kind: "postgresql",
    url,
    poolSize: 20,
    ...(onQuery ? { onQuery } : {}),
  });
  const others: DatabaseHandle[] = [];
  return {
    ...handle,
    async openAnotherInstance() {
      const other = await createDatabase({ kind: "postgresql", url, poolSize: 5 });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all(others.map((other) => other.close()));
      await handle.close();
      await drop();
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The committed migrations before the one tagged `tag`, in a folder of their
 * own: a test migrates to there, writes rows as the older code did, then
 * applies the rest and checks what the migration made of them.
 */
export function migrationsBefore(tag: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), "defis-migrations-")), "drizzle");
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  const migration = journal.entries.find((entry) => entry.tag === tag);
  if (!migration) throw new Error(`${tag} manque au journal des migrations.`);
  journal.entries = journal.entries.filter((entry) => entry.idx < migration.idx);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/**
 * How a migration meets existing data: an empty database of the test engine,
 * migrated up to `tag` (excluded), given `rows` (SQL statements separated by
 * ";"), then migrated to the end. `close()` drops it.
 */
export async function databaseMigratedOver(
  tag: string,
  rows: string,
): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  let handle: DatabaseHandle;
  let close: () => Promise<void>;
  if (testDatabaseKind() === "postgresql") {
    const { url, drop } = await createEmptyPostgresDatabase();
    const opened = await createDatabase({ kind: "postgresql", url });
    handle = opened;
    close = async () => {
      await opened.close();
      await drop();
    };
  } else {
    handle = await createDatabase({ kind: "pglite", dataDir: null });
    close = () => handle.close();
  }
  await handle.migrate(migrationsBefore(tag));
  for (const statement of rows.split(";").filter((text) => text.trim())) {
    await handle.db.execute(sql.raw(statement));
  }
  await handle.migrate();
  return { handle, close };
}
