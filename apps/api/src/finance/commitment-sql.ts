import { schema } from "@defis/db";
import { sql, type SQL } from "drizzle-orm";

const { fundingRecords, laureates } = schema;

/**
 * `isCommitted` (packages/domain, funding-rules.ts) in SQL, for the figures
 * the database sums: a subvention is committed by its dated convention and its
 * EJ, a transfer of credits by its dated decision, a laureate whose mode is
 * not set never. Read over laureates left-joined to their funding record; on
 * `asOf`, the convention must be dated by that day. A test checks that both
 * agree.
 */
export function committedSql(asOf?: string): SQL<boolean> {
  const dated = asOf
    ? sql`${fundingRecords.conventionDate} <= ${asOf}::date`
    : sql`${fundingRecords.conventionDate} is not null`;
  return sql<boolean>`coalesce(case ${laureates.fundingMode}
    when 'subvention' then ${dated} and ${fundingRecords.ejNumber} is not null
    when 'transfert' then ${dated}
    else false end, false)`;
}
