import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ALL_ROLES, keysOf, SCOPE_KINDS } from "@defis/domain";
import { isOneOf } from "./vocabulary.js";
import { demonstrationFlag, identityKey, writtenAt } from "./columns.js";

export const users = pgTable(
  "app_user",
  {
    id: identityKey(),
    /** Stored trimmed and lower-cased: ProConnect matches people by email. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ALL_ROLES }).notNull(),
    /** argon2id; null for accounts that sign in only through ProConnect. */
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    isDemo: demonstrationFlag(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
  },
  (table) => [
    uniqueIndex("app_user_email_unique").on(table.email),
    check("app_user_email_normalised", sql`${table.email} = lower(btrim(${table.email}))`),
    check("app_user_role_known", isOneOf(table.role, ALL_ROLES)),
  ],
);

/** The person who did something; null for what the system or the demonstration did. */
export const userReference = (name: string) => integer(name).references(() => users.id);

export const userScopes = pgTable(
  "user_scope",
  {
    id: identityKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: keysOf(SCOPE_KINDS) }).notNull(),
    value: text("value").notNull(),
  },
  (table) => [
    unique("user_scope_entry_unique").on(table.userId, table.kind, table.value),
    check("user_scope_kind_known", isOneOf(table.kind, keysOf(SCOPE_KINDS))),
  ],
);

/**
 * Server-side sessions, shared by every API instance. The cookie carries a
 * random token; only its SHA-256 is stored, so a database leak opens no session.
 */
export const sessions = pgTable(
  "session",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: writtenAt("created_at"),
    lastSeenAt: writtenAt("last_seen_at"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** ProConnect's id_token, to end the session at the provider on logout. */
    providerIdToken: text("provider_id_token"),
  },
  (table) => [index("session_user_idx").on(table.userId)],
);

/** Sign-in attempts: the brute-force limiter counts them here, for every instance at once. */
export const loginAttempts = pgTable(
  "login_attempt",
  {
    id: identityKey(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: writtenAt("attempted_at"),
  },
  (table) => [
    index("login_attempt_lookup_idx").on(table.email, table.address, table.attemptedAt),
    // The limit per address, across accounts.
    index("login_attempt_address_idx").on(table.address, table.attemptedAt),
  ],
);

/** An OpenID Connect sign-in under way: state, nonce and PKCE verifier, whichever instance gets the callback. */
export const authFlows = pgTable("auth_flow", {
  state: text("state").primaryKey(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to").notNull().default("/"),
  createdAt: writtenAt("created_at"),
});
