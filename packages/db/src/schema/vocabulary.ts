import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * A CHECK that the column holds one of a domain vocabulary's keys, written as
 * `column in ('a', 'b')`: the keys are the code's own identifiers, never input.
 */
export function isOneOf(column: AnyPgColumn, keys: readonly string[]): SQL {
  return sql`${column} in ${sql.raw(`(${keys.map((key) => `'${key}'`).join(", ")})`)}`;
}
