import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { ControlItem, FundingModeKey, RequiredFundingFact } from "@defis/domain";
import { and, eq, gt, inArray, not, sql } from "drizzle-orm";
import { missingFundingFactsSql } from "../finance/funding-rules-sql.js";
import { committedOnSql } from "../finance/money-figures-sql.js";
import { scdlPreview } from "../exports/scdl-preview.js";
import { anomalyBase, LAUREATE_NAME, parisDayText } from "./control-rows.js";

const { allocations, fundingRecords, laureates, payments } = schema;

const fundingMode = sql<FundingModeKey>`${laureates.fundingMode}`;

/**
 * Funding records against the rules of their mode (packages/domain
 * funding-rules.ts, mirrored in ../finance/funding-rules-sql.ts): money paid
 * without commitment, a mode not set, a record missing what its mode requires,
 * and the subsidies the SCDL file would drop (the file's own selection).
 */
export async function fundingControls(
  db: Executor,
  today: string,
  attribuantSiret: string | null,
): Promise<ControlItem[]> {
  // Since the first payment that still stands.
  const firstPayment = sql`(select min(${payments.paidOn}) from ${payments}
    where ${payments.laureateId} = ${allocations.laureateId} and ${payments.reversesPaymentId} is null
      and not exists (select 1 from ${payments} as undo where undo.reverses_payment_id = ${payments.id}))`;
  const paidUncommitted = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: allocations.paidCents,
      since: sql<string>`to_char(${firstPayment}, 'YYYY-MM-DD')`,
      fundingMode,
    })
    .from(allocations)
    .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(and(gt(allocations.paidCents, 0), not(committedOnSql(today))));
  const modeMissing = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: allocations.amountCents,
      since: parisDayText(laureates.createdAt),
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .where(eq(laureates.fundingMode, "non-precise" satisfies FundingModeKey));
  // Only money allocated needs its commitment; a mode not set is its own anomaly above.
  const incomplete = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: allocations.amountCents,
      since: parisDayText(allocations.createdAt),
      fundingMode,
      missing: sql<RequiredFundingFact[]>`${missingFundingFactsSql}`,
    })
    .from(allocations)
    .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(
      and(
        gt(allocations.amountCents, 0),
        inArray(laureates.fundingMode, ["subvention", "transfert"] satisfies FundingModeKey[]),
        sql`cardinality(${missingFundingFactsSql}) > 0`,
      ),
    );
  const scdl = await scdlPreview(db, attribuantSiret);
  return [
    ...paidUncommitted.map(({ fundingMode: mode, ...row }) => ({
      ...anomalyBase(row),
      kind: "verse_sans_engagement" as const,
      fundingMode: mode,
    })),
    ...modeMissing.map((row) => ({ ...anomalyBase(row), kind: "mode_financement_manquant" as const })),
    ...scdl.dropped.map((row) => ({
      laureate: row.laureate,
      amountCents: row.amountCents,
      // Publication is due within three months of the convention's signature.
      since: row.conventionDate,
      kind: "scdl_ligne_ecartee" as const,
      reasons: row.reasons,
    })),
    ...incomplete.map(({ fundingMode: mode, missing, ...row }) => ({
      ...anomalyBase(row),
      kind: "dossier_financement_incomplet" as const,
      fundingMode: mode,
      missing,
    })),
  ];
}
