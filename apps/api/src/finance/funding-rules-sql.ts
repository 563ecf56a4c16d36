import { schema } from "@defis/db";
import { OPEN_TRANCHE_STATUSES } from "@defis/domain";
import { sql, type SQL } from "drizzle-orm";

const { fundingRecords, laureates, tranches } = schema;

/**
 * The funding-mode rules of packages/domain/src/finance/funding-rules.ts,
 * written once in SQL for the queries that filter or sum by them (controls,
 * breakdowns); "engagé" on a day is `committedOnSql` (money-figures-sql.ts).
 * funding-rules-sql.test.ts checks, case by case, that they agree with
 * `isCommittedOn`, `missingFundingFacts` and `trancheDaysLate`. They read
 * `laureate` and a LEFT-joined `funding_record` (all null when there is none).
 */

/** `missingFundingFacts`: the facts the laureate's mode still lacks, as a text[] (empty when none). */
export const missingFundingFactsSql = sql<string[]>`array_remove(array[
  case when ${laureates.fundingMode} not in ('subvention', 'transfert') or ${fundingRecords.conventionDate} is null
    then 'conventionDate' end,
  case when ${laureates.fundingMode} = 'subvention' and ${fundingRecords.ejNumber} is null then 'ejNumber' end
]::text[], null)`;

/** `isOpenTranche`: money still to be paid on the tranche. */
export const isOpenTrancheSql = sql<boolean>`(${tranches.status} in (${sql.join(
  OPEN_TRANCHE_STATUSES.map((status) => sql`${status}`),
  sql`, `,
)}))`;

/** `trancheDaysLate(tranche, today) > 0`: open and its planned day is before `today`. */
export function isLateTrancheSql(today: string): SQL<boolean> {
  return sql<boolean>`(${isOpenTrancheSql} and ${tranches.plannedOn} < ${today}::date)`;
}
