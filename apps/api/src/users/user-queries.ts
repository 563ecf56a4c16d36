import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { Role, UserListItem } from "@defis/domain";
import { asc, eq, sql } from "drizzle-orm";
import { scopeColumn } from "./scope-column.js";

const { users } = schema;

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
