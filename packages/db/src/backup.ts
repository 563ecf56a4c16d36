import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { is, sql, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "./database.js";
import * as schema from "./schema/index.js";

/**
 * A backup is one portable file for both engines: JSON lines, a header then
 * the rows of each table in chunks, read from one snapshot. Rows go through
 * PostgreSQL's own JSON (row_to_json out, json_populate_recordset in), so
 * dates, amounts and JSON columns come back exactly as they were.
 */
export const BACKUP_FORMAT = "defis-sauvegarde";
export const BACKUP_VERSION = 1;
const CHUNK_ROWS = 1000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The last migration applied: a backup restores into the same schema. */
  migration: string;
  tables: string[];
  createdAt: string;
}

export interface BackupChunk {
  table: string;
  rows: unknown[];
}

export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusal";
  }
}

interface TableInfo {
  name: string;
  primaryKey: string[];
  dependsOn: string[];
  hasIdentity: boolean;
}

function describe(table: PgTable): TableInfo {
  const config = getTableConfig(table);
  const single = config.columns.filter((column) => column.primary).map((column) => column.name);
  const composite = config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name));
  return {
    name: config.name,
    primaryKey: single.length > 0 ? single : composite,
    dependsOn: config.foreignKeys
      .map((key) => getTableConfig(key.reference().foreignTable).name)
      .filter((name) => name !== config.name),
    hasIdentity: config.columns.some((column) => column.generatedIdentity !== undefined),
  };
}

/** Every table of the schema, each after the tables it references: the order to restore in. */
export function tablesInDependencyOrder(): TableInfo[] {
  const tables = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map(describe);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table.name) && table.dependsOn.every((name) => placed.has(name)),
    );
    if (ready.length === 0)
      throw new Error("Références circulaires entre les tables : ordre de restauration impossible.");
    for (const table of ready.sort((left, right) => left.name.localeCompare(right.name))) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

/** The rows of a raw statement: both drivers answer `{ rows }`, which the shared executor type leaves unknown. */
export async function rowsOf<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

export async function lastMigration(db: Executor): Promise<string> {
  const [row] = await rowsOf<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`,
  );
  if (!row) throw new BackupRefusal("La base n'a reçu aucune migration : rien à sauvegarder.");
  return row.hash;
}

/** The rows of one table in chunks, in primary-key order, resuming after the last key read. */
async function* chunksOf(db: Executor, table: TableInfo): AsyncGenerator<BackupChunk> {
  const key = sql.join(
    table.primaryKey.map((column) => sql.identifier(column)),
    sql`, `,
  );
  let after: unknown[] | null = null;
  for (;;) {
    const resume: SQL = after
      ? sql`where (${key}) > (${sql.join(
          after.map((value) => sql`${value}`),
          sql`, `,
        )})`
      : sql``;
    const rows = await rowsOf<{ row: Record<string, unknown> }>(
      db,
      sql`select row_to_json(t) as row from ${sql.identifier(table.name)} t ${resume} order by ${key} limit ${CHUNK_ROWS}`,
    );
    if (rows.length === 0) return;
    yield { table: table.name, rows: rows.map(({ row }) => row) };
    const last = rows.at(-1)?.row ?? {};
    after = table.primaryKey.map((column) => last[column]);
    if (rows.length < CHUNK_ROWS) return;
  }
}

/** The header then every chunk, read inside the caller's (repeatable read) transaction. */
export async function* readBackup(tx: Transaction): AsyncGenerator<BackupHeader | BackupChunk> {
  const tables = tablesInDependencyOrder();
  yield {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migration: await lastMigration(tx),
    tables: tables.map((table) => table.name),
    createdAt: new Date().toISOString(),
  };
  for (const table of tables) yield* chunksOf(tx, table);
}

/** Tables holding at least one row: a restore over them needs --force. */
export async function nonEmptyTables(db: Executor): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tablesInDependencyOrder()) {
    const [row] = await rowsOf<{ filled: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as filled`,
    );
    if (row?.filled) filled.push(table.name);
  }
  return filled;
}

export function checkHeader(header: unknown, migration: string): BackupHeader {
  const candidate = header as Partial<BackupHeader> | null;
  if (candidate?.format !== BACKUP_FORMAT || candidate.version !== BACKUP_VERSION) {
    throw new BackupRefusal("Ce fichier n'est pas une sauvegarde Défis (format inconnu).");
  }
  if (candidate.migration !== migration) {
    throw new BackupRefusal(
      "Cette sauvegarde vient d'une autre version du schéma : restaurez-la avec la version de Défis qui l'a faite, puis mettez à jour.",
    );
  }
  return candidate as BackupHeader;
}

/**
 * Empties every table, in the caller's transaction. User triggers (the audit
 * trail's append-only guard, the monthly sums kept from payments, the frozen
 * reviews) stand aside until `restoreTriggers`: a restore writes the rows as
 * they were, sums included. Table owners may do this; no superuser is needed.
 */
export async function emptyTablesForRestore(tx: Transaction): Promise<void> {
  const tables = tablesInDependencyOrder();
  for (const table of tables) {
    await tx.execute(sql`alter table ${sql.identifier(table.name)} disable trigger user`);
  }
  for (const table of [...tables].reverse()) {
    await tx.execute(sql`delete from ${sql.identifier(table.name)}`);
  }
}

export async function insertChunk(tx: Transaction, chunk: BackupChunk): Promise<void> {
  const table = tablesInDependencyOrder().find((candidate) => candidate.name === chunk.table);
  if (!table) throw new BackupRefusal(`La sauvegarde contient une table inconnue : ${chunk.table}.`);
  const name = sql.identifier(table.name);
  const overriding = table.hasIdentity ? sql`overriding system value` : sql``;
  await tx.execute(
    sql`insert into ${name} ${overriding} select * from json_populate_recordset(null::${name}, ${JSON.stringify(chunk.rows)}::json)`,
  );
}

/** Triggers back on, identity counters after the restored rows. */
export async function restoreTriggers(tx: Transaction): Promise<void> {
  for (const table of tablesInDependencyOrder()) {
    const name = sql.identifier(table.name);
    await tx.execute(sql`alter table ${name} enable trigger user`);
    if (table.hasIdentity) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${name}`,
      );
    }
  }
}
