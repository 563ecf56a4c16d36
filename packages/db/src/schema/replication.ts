import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { ADOPTION_STAGES, ASSET_KINDS, keysOf } from "@defis/domain";
import { userReference } from "./accounts.js";
import { laureateReference, laureates } from "./laureates.js";
import { demonstrationFlag, identityKey, versionNumber, writtenAt } from "./columns.js";

/**
 * A replication scorecard, never edited: a new scoring adds a row, the latest
 * is the current one and the others are its history. The index is computed by
 * the domain's formula when the row is written and kept for the SQL aggregates.
 */
export const replicationScorecards = pgTable(
  "replication_scorecard",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    maturityScore: smallint("maturity_score").notNull(),
    maturityJustification: text("maturity_justification").notNull(),
    evidenceScore: smallint("evidence_score").notNull(),
    evidenceJustification: text("evidence_justification").notNull(),
    transferabilityScore: smallint("transferability_score").notNull(),
    transferabilityJustification: text("transferability_justification").notNull(),
    costScore: smallint("cost_score").notNull(),
    costJustification: text("cost_justification").notNull(),
    prerequisitesScore: smallint("prerequisites_score").notNull(),
    prerequisitesJustification: text("prerequisites_justification").notNull(),
    opennessScore: smallint("openness_score").notNull(),
    opennessJustification: text("openness_justification").notNull(),
    potentialIndex: smallint("potential_index").notNull(),
    /** The sponsor the officer scored with. */
    sponsorName: text("sponsor_name").notNull(),
    scoredBy: userReference("scored_by"),
    scoredAt: writtenAt("scored_at"),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    index("replication_scorecard_laureate_idx").on(table.laureateId, table.scoredAt),
    check(
      "replication_scorecard_scores_range",
      sql`${table.maturityScore} between 0 and 4 and ${table.evidenceScore} between 0 and 4
        and ${table.transferabilityScore} between 0 and 4 and ${table.costScore} between 0 and 4
        and ${table.prerequisitesScore} between 0 and 4 and ${table.opennessScore} between 0 and 4`,
    ),
    check("replication_scorecard_index_range", sql`${table.potentialIndex} between 0 and 100`),
  ],
);

/** A reusable asset of a laureate: a link to code, a guide, a document, a contract, or a contact person. */
export const reusableAssets = pgTable(
  "reusable_asset",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    kind: text("kind", { enum: keysOf(ASSET_KINDS) }).notNull(),
    label: text("label").notNull(),
    url: text("url"),
    contactEmail: text("contact_email"),
    version: versionNumber(),
    isDemo: demonstrationFlag(),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
  },
  (table) => [
    index("reusable_asset_laureate_idx").on(table.laureateId),
    check(
      "reusable_asset_link_or_contact",
      sql`(${table.kind} = 'contact' and ${table.contactEmail} is not null)
        or (${table.kind} <> 'contact' and ${table.url} is not null)`,
    ),
  ],
);

/** A closed laureate, with its lessons learned; the kit (assets) is checked when it closes. */
export const laureateClosures = pgTable(
  "laureate_closure",
  {
    laureateId: integer("laureate_id")
      .primaryKey()
      .references(() => laureates.id),
    closedOn: date("closed_on").notNull(),
    lessonsLearned: text("lessons_learned").notNull(),
    closedBy: userReference("closed_by"),
    version: versionNumber(),
    isDemo: demonstrationFlag(),
    createdAt: writtenAt("created_at"),
  },
  (table) => [check("laureate_closure_lessons_length", sql`char_length(${table.lessonsLearned}) >= 50`)],
);

/**
 * An administration or territory taking up a laureate's solution, and how far
 * it went: each stage keeps the date it was reached.
 */
export const adoptions = pgTable(
  "adoption",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    organisation: text("organisation").notNull(),
    regionCode: text("region_code").notNull(),
    departementCode: text("departement_code"),
    stage: text("stage", { enum: keysOf(ADOPTION_STAGES) })
      .notNull()
      .default("identifiee"),
    identifiedOn: date("identified_on").notNull(),
    contactedOn: date("contacted_on"),
    pilotOn: date("pilot_on"),
    deployedOn: date("deployed_on"),
    abandonedOn: date("abandoned_on"),
    abandonReason: text("abandon_reason"),
    contact: text("contact"),
    notes: text("notes"),
    version: versionNumber(),
    isDemo: demonstrationFlag(),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
  },
  (table) => [
    index("adoption_laureate_idx").on(table.laureateId),
    index("adoption_region_idx").on(table.regionCode),
    index("adoption_stage_idx").on(table.stage),
    // Each stage reached carries its date, and the dates follow the stages' order.
    check(
      "adoption_stage_dates",
      sql`(${table.stage} <> 'contactee' or ${table.contactedOn} is not null)
        and (${table.stage} <> 'pilote' or (${table.contactedOn} is not null and ${table.pilotOn} is not null))
        and (${table.stage} <> 'deployee' or (${table.contactedOn} is not null and ${table.pilotOn} is not null and ${table.deployedOn} is not null))
        and (${table.stage} <> 'abandonnee' or (${table.abandonedOn} is not null and ${table.abandonReason} is not null))
        and (${table.contactedOn} is null or ${table.contactedOn} >= ${table.identifiedOn})
        and (${table.pilotOn} is null or ${table.pilotOn} >= ${table.contactedOn})
        and (${table.deployedOn} is null or ${table.deployedOn} >= ${table.pilotOn})`,
    ),
  ],
);
