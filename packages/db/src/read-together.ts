import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "./database.js";

type Results<Reads extends readonly (() => Promise<unknown>)[]> = {
  -readonly [Index in keyof Reads]: Awaited<ReturnType<Reads[Index]>>;
};

/**
 * Independent reads: side by side on the pool, so a page waits for the
 * slowest rather than for their sum; one after another in a transaction,
 * whose single connection must not receive a query while one runs (pg 8
 * warns, pg 9 refuses).
 */
export async function readTogether<const Reads extends readonly (() => Promise<unknown>)[]>(
  db: Executor,
  reads: Reads,
): Promise<Results<Reads>> {
  if (!is(db, PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<Reads>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<Reads>;
}
