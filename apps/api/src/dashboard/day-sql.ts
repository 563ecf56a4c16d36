import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** The Paris day of an instant: a change made at 23:30 in Paris belongs to that day, not the next. */
export function parisDayOf(column: AnyPgColumn): SQL<string> {
  return sql<string>`(${column} at time zone 'Europe/Paris')::date`;
}

/** The instant the day after `asOf` begins in Paris: comparing with it keeps the column's index usable. */
export function endOfParisDay(asOf: string): SQL {
  return sql`((${asOf}::date + 1)::timestamp at time zone 'Europe/Paris')`;
}

export function onOrBefore(column: AnyPgColumn, asOf: string): SQL {
  return sql`${column} < ${endOfParisDay(asOf)}`;
}

/** A row still there at the end of the day: not deleted, or deleted later. */
export function notDeletedBy(deletedAt: AnyPgColumn, asOf: string): SQL {
  return sql`(${deletedAt} is null or ${deletedAt} >= ${endOfParisDay(asOf)})`;
}

/** A sum of cents as a number: bigint arrives as a string, and a sum of nothing as null. */
export const cents = (expression: SQL) => sql<number>`coalesce(${expression}, 0)::bigint`.mapWith(Number);
