import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { Role, ScopeEntry, UserListItem } from "@defis/domain";
import { asc, eq, sql } from "drizzle-orm";

const { userScopes, users } = schema;

const scopeColumn = sql<ScopeEntry[]>`coalesce((
  select json_agg(json_build_object('kind', ${userScopes.kind}, 'value', ${userScopes.value})
                  order by ${userScopes.kind}, ${userScopes.value})
  from ${userScopes} where ${userScopes.userId} = ${users.id}), '[]'::json)`;

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: sql<Role>`${users.role}`,
  scope: scopeColumn,
  active: users.active,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export async function listUsers(db: Executor): Promise<UserListItem[]> {
  return db.select(userColumns).from(users).orderBy(asc(users.displayName), asc(users.id));
}

export async function findUser(db: Executor, userId: number): Promise<UserListItem | null> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, userId));
  return user ?? null;
}
