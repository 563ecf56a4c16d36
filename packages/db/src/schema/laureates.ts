import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { keysOf, TERRITORY_SCOPES } from "@defis/domain";
import { programmes } from "./programme.js";
import { identityKey, versionNumber, writtenAt } from "./columns.js";

export const laureates = pgTable(
  "laureate",
  {
    id: identityKey(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    porteur: text("porteur").notNull(),
    ministry: text("ministry").notNull(),
    category: text("category").notNull(),
    territoryScope: text("territory_scope", { enum: keysOf(TERRITORY_SCOPES) }).notNull(),
    regionCode: text("region_code"),
    departementCode: text("departement_code"),
    place: text("place"),
    partnerLabs: text("partner_labs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text("summary").notNull(),
    benefitsForAgents: text("benefits_for_agents")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    benefitsForUsagers: text("benefits_for_usagers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fundingMode: text("funding_mode").notNull(),
    /** Position in the announcement, to list laureates in its order. */
    position: integer("position").notNull(),
    /** Incremented by every edit: an edit made on an older version is refused (no lost update). */
    version: versionNumber(),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
  },
  (table) => [
    index("laureate_programme_idx").on(table.programmeId, table.position),
    index("laureate_category_idx").on(table.category),
    index("laureate_ministry_idx").on(table.ministry),
    index("laureate_region_idx").on(table.regionCode),
    check(
      "laureate_territory_consistent",
      sql`(${table.territoryScope} = 'national' and ${table.regionCode} is null and ${table.departementCode} is null)
        or (${table.territoryScope} = 'local' and ${table.regionCode} is not null)`,
    ),
  ],
);

/** The laureate a row belongs to. */
export const laureateReference = () =>
  integer("laureate_id")
    .notNull()
    .references(() => laureates.id);
