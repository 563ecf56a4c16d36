import type { Database, Transaction } from "@defis/db";
import { Column, is, SQL, sql, type DriverValueDecoder, type SQLWrapper } from "drizzle-orm";

/** Rows fetched at a time: a few hundred kilobytes in memory, whatever the size of the table. */
export const FETCH_SIZE = 1_000;

/**
 * Runs `read` in one read-only, repeatable-read transaction: every query of
 * it (every sheet of a workbook, every chunk of a file) sees the database as
 * it was when the first one started, and a payment recorded meanwhile shows
 * nowhere rather than half-way through.
 *
 * On PostgreSQL the transaction holds one connection of the pool for the
 * length of the download; the others serve the other requests. PGlite has a
 * single session and runs nothing else while a transaction is open (its
 * queries wait for the transaction's lock): there the snapshot costs the
 * other requests the time of the export. PGlite is the single-user mode,
 * whose ledger is the demonstration's; a consistent file is worth more there
 * than interleaving, which would give up the snapshot.
 */
export function inReadSnapshot<Result>(
  db: Database,
  read: (tx: Transaction) => Promise<Result>,
): Promise<Result> {
  return db.transaction(read, { isolationLevel: "repeatable read", accessMode: "read only" });
}

/** A drizzle select whose rows are `Row`: its SQL, and the fields that decode each column. */
export type SelectOf<Row> = SQLWrapper &
  Promise<Row[]> & { readonly _: { readonly selectedFields: Record<string, unknown> } };

/**
 * What `.mapWith()` gives an SQL expression. Drizzle keeps it on the SQL
 * object, typed internal, and reads it there to decode its own selects.
 */
function sqlDecoder(expression: SQL): (value: unknown) => unknown {
  const { decoder } = expression as unknown as { decoder: DriverValueDecoder<unknown, unknown> };
  return (value) => decoder.mapFromDriverValue(value);
}

/** How drizzle turns a driver value into the field's value (bigint → number, jsonb → object…). */
function decoderOf(field: unknown): (value: unknown) => unknown {
  if (is(field, Column)) return (value) => field.mapFromDriverValue(value);
  if (is(field, SQL)) return sqlDecoder(field);
  if (is(field, SQL.Aliased)) return sqlDecoder(field.sql);
  throw new Error("Un export ne lit que des colonnes ou des expressions SQL, sans objets imbriqués.");
}

/** Both drivers answer a raw statement with `{ rows }`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows as Record<string, unknown>[];
  throw new Error("Réponse inattendue de la base à la lecture d'un curseur.");
}

let cursorCount = 0;

/**
 * The rows of `query`, FETCH_SIZE at a time, through a server-side cursor
 * of the snapshot's transaction: the database sorts once and hands the rows
 * over in order, and this process never holds more than one chunk. The
 * cursor renames the columns by position (c0, c1…), since a select may read
 * two columns of the same name (the payment's id and its reversal's), and
 * each is decoded by its drizzle field, as a plain select would.
 */
export async function* cursorChunks<Row>(tx: Transaction, query: SelectOf<Row>): AsyncGenerator<Row[]> {
  const fields = Object.entries(query._.selectedFields).map(([key, field], index) => ({
    key,
    column: `c${String(index)}`,
    decode: decoderOf(field),
  }));
  cursorCount += 1;
  const cursor = sql.identifier(`export_${String(cursorCount)}`);
  const aliases = sql.join(
    fields.map((field) => sql.identifier(field.column)),
    sql`, `,
  );
  await tx.execute(sql`declare ${cursor} no scroll cursor for select * from (${query}) as rows(${aliases})`);
  for (;;) {
    const rows = rowsOf(await tx.execute(sql`fetch ${sql.raw(String(FETCH_SIZE))} from ${cursor}`));
    if (rows.length === 0) break;
    yield rows.map(
      (raw) =>
        Object.fromEntries(
          fields.map((field) => {
            const value = raw[field.column];
            return [field.key, value === null || value === undefined ? null : field.decode(value)];
          }),
        ) as Row,
    );
    if (rows.length < FETCH_SIZE) break;
  }
  await tx.execute(sql`close ${cursor}`);
}

/** Each chunk of rows turned into what a file writes (an audit row into its journal line…). */
export async function* mapChunks<Row, Item>(
  chunks: AsyncIterable<readonly Row[]>,
  map: (row: Row) => Item,
): AsyncGenerator<Item[]> {
  for await (const rows of chunks) yield rows.map(map);
}
