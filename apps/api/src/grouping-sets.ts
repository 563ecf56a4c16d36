import { sql, type SQL } from "drizzle-orm";

/**
 * One statement for a total and a breakdown by each of `columns` (GROUPING
 * SETS): the clause to group by, and for each row which grouping it belongs
 * to ("total" for the whole) and its key in that grouping.
 */
export function groupingSets<Name extends string>(columns: readonly [Name, SQL | SQL.Aliased][]) {
  const isGroupedBy = (column: SQL | SQL.Aliased) => sql`grouping(${column}) = 0`;
  const cases = (then: (name: Name, column: SQL | SQL.Aliased) => SQL) =>
    sql.join(
      columns.map(([name, column]) => sql`when ${isGroupedBy(column)} then ${then(name, column)}`),
      sql` `,
    );
  return {
    dimension: sql<Name | "total">`case ${cases((name) => sql`${name}`)} else 'total' end`,
    key: sql<string | null>`case ${cases((_name, column) => sql`${column}::text`)} end`,
    groupBy: sql`grouping sets ((), ${sql.join(
      columns.map(([, column]) => sql`(${column})`),
      sql`, `,
    )})`,
  };
}
