import { schema } from "@defis/db";
import type { ScopeEntry } from "@defis/domain";
import { sql } from "drizzle-orm";

const { userScopes } = schema;

/**
 * A user's scope as a JSON array, to select beside the user's columns. The
 * outer table is named in full: in a single-table query drizzle leaves column
 * names unqualified, and a bare "id" would resolve to user_scope.id inside.
 */
export const scopeColumn = sql<ScopeEntry[]>`coalesce((
  select json_agg(json_build_object('kind', ${userScopes.kind}, 'value', ${userScopes.value})
                  order by ${userScopes.kind}, ${userScopes.value})
  from ${userScopes} where ${userScopes.userId} = "app_user"."id"), '[]'::json)`;
