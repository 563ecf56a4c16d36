import { schema } from "@defis/db";
import { sql } from "drizzle-orm";

/** Grouping key of a laureate's territory: its région code, or "national". */
export const territoryKeySql = sql<string>`coalesce(${schema.laureates.regionCode}, 'national')`;
