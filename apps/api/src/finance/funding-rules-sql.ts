import { schema } from "@defis/db";
import { OPEN_TRANCHE_STATUSES } from "@defis/domain";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

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

/** `isOpenTranche`: money still to be paid on the tranche of this status. */
function isOpenTrancheSql(status: SQL | AnyPgColumn): SQL<boolean> {
  return sql<boolean>`(${status} in (${sql.join(
    OPEN_TRANCHE_STATUSES.map((value) => sql`${value}`),
    sql`, `,
  )}))`;
}

/**
 * `trancheDaysLate(tranche, today) > 0`: open and its planned day is before
 * `today`; over the table, or over the tranches as known on a day.
 */
export function isLateTrancheSql(
  today: string,
  tranche: { status: SQL | AnyPgColumn; plannedOn: SQL | AnyPgColumn } = tranches,
): SQL<boolean> {
  return sql<boolean>`(${isOpenTrancheSql(tranche.status)} and ${tranche.plannedOn} < ${today}::date)`;
}
