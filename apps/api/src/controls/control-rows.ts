import { schema } from "@defis/db";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** What every query of the controls selects flat: the laureate, the money at stake, since when. */
export interface FlatControlRow {
  slug: string;
  title: string;
  amountCents: number | null;
  since: string | null;
}

/** The fields every anomaly carries, from a row that selected them flat. */
export function anomalyBase(row: FlatControlRow) {
  return {
    laureate: { slug: row.slug, title: row.title },
    amountCents: row.amountCents,
    since: row.since,
  };
}

/** The laureate an anomaly concerns, selected beside its facts. */
export const LAUREATE_NAME = {
  slug: schema.laureates.slug,
  title: schema.laureates.title,
};

/** A day column as "AAAA-MM-JJ" text. */
export const dayText = (day: SQL | AnyPgColumn) => sql<string>`to_char(${day}, 'YYYY-MM-DD')`;

/** The Paris day of an instant, as "AAAA-MM-JJ" text. */
export const parisDayText = (instant: SQL | AnyPgColumn) =>
  sql<string>`to_char(${instant} at time zone 'Europe/Paris', 'YYYY-MM-DD')`;
