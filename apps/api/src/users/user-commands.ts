import type { Executor } from "@defis/db";
import { hashPassword, schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  SCOPE_KINDS,
  type CreateUserInput,
  type ScopeEntry,
  type UpdateUserInput,
  type UserListItem,
} from "@defis/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { revokeUserSessions } from "../auth/sessions.js";
import { findUser } from "./user-queries.js";

const { laureates, userScopes, users } = schema;

/** How a scope reads in the audit trail: "ministère interieur", "lauréat dggn-lab-innovation". */
export function describeScope(scope: readonly ScopeEntry[]): string[] {
  return scope.map((entry) => `${SCOPE_KINDS[entry.kind].toLowerCase()} ${entry.value}`).sort();
}

function auditView(user: UserListItem) {
  return {
    email: user.email,
    nom: user.displayName,
    role: user.role,
    perimetre: describeScope(user.scope),
    actif: user.active,
  };
}

function badRequest(message: string): never {
  throw new Refusal(message, "invalid");
}

/** Every entry of a scope must name something that exists, or the scope would silently cover nothing. */
async function checkScopeTargets(db: Executor, scope: readonly ScopeEntry[]): Promise<void> {
  const slugs = scope.filter((entry) => entry.kind === "laureat").map((entry) => entry.value);
  const porteurs = scope.filter((entry) => entry.kind === "porteur").map((entry) => entry.value);
  if (slugs.length > 0) {
    const found = new Set(
      (await db.select({ slug: laureates.slug }).from(laureates).where(inArray(laureates.slug, slugs))).map(
        (row) => row.slug,
      ),
    );
    const missing = slugs.find((slug) => !found.has(slug));
    if (missing) badRequest(`Périmètre : le lauréat « ${missing} » n'existe pas.`);
  }
  if (porteurs.length > 0) {
    const found = new Set(
      (
        await db
          .select({ porteur: laureates.porteur })
          .from(laureates)
          .where(inArray(laureates.porteur, porteurs))
      ).map((row) => row.porteur),
    );
    const missing = porteurs.find((porteur) => !found.has(porteur));
    if (missing) badRequest(`Périmètre : aucun lauréat n'a pour porteur « ${missing} ».`);
  }
}

async function replaceScope(db: Executor, userId: number, scope: readonly ScopeEntry[]): Promise<void> {
  await db.delete(userScopes).where(eq(userScopes.userId, userId));
  const unique = [...new Map(scope.map((entry) => [`${entry.kind}:${entry.value}`, entry])).values()];
  if (unique.length > 0) await db.insert(userScopes).values(unique.map((entry) => ({ userId, ...entry })));
}

/**
 * The last active administrator can be neither demoted nor deactivated: nobody
 * could then manage accounts. Administrators are locked while this is checked,
 * so two of them cannot remove each other at the same time.
 */
async function keepAnAdministrator(db: Executor, userId: number): Promise<void> {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "administrateur"), eq(users.active, true), ne(users.id, userId)))
    .for("update");
  if (others.length === 0) {
    throw new Refusal("Il doit rester au moins un administrateur actif.");
  }
}

async function existingUser(db: Executor, userId: number): Promise<UserListItem> {
  const user = await findUser(db, userId);
  if (!user) throw new NotFound("Ce compte n'existe pas.");
  return user;
}

export async function createUser(db: Executor, actor: Actor, input: CreateUserInput): Promise<UserListItem> {
  await checkScopeTargets(db, input.scope);
  const [created] = await db
    .insert(users)
    .values({
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw new Refusal("Un compte existe déjà pour cette adresse.");
  await replaceScope(db, created.id, input.scope);
  const user = await existingUser(db, created.id);
  await recordAudit(db, actor, {
    action: "utilisateur.creation",
    entityId: user.id,
    after: { ...auditView(user), motDePasse: input.password ? "défini" : "aucun (ProConnect)" },
  });
  return user;
}

export async function updateUser(db: Executor, actor: Actor, input: UpdateUserInput): Promise<UserListItem> {
  const before = await existingUser(db, input.userId);
  if (before.role === "administrateur" && input.role !== "administrateur")
    await keepAnAdministrator(db, input.userId);
  await checkScopeTargets(db, input.scope);
  await db
    .update(users)
    .set({
      displayName: input.displayName,
      role: input.role,
      ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.userId));
  await replaceScope(db, input.userId, input.scope);
  // New rights or a new password take effect at once: open sessions are ended.
  if (before.role !== input.role || input.password) await revokeUserSessions(db, input.userId);
  const after = await existingUser(db, input.userId);
  await recordAudit(db, actor, {
    action: "utilisateur.modification",
    entityId: input.userId,
    before: { ...auditView(before), ...(input.password ? { motDePasse: "inchangé" } : {}) },
    after: { ...auditView(after), ...(input.password ? { motDePasse: "modifié" } : {}) },
  });
  return after;
}

export async function setUserActive(
  db: Executor,
  actor: Actor,
  userId: number,
  active: boolean,
): Promise<UserListItem> {
  if (!active && userId === actor.userId) {
    throw new Refusal("Vous ne pouvez pas désactiver votre propre compte.");
  }
  const before = await existingUser(db, userId);
  if (before.active === active) return before;
  if (!active && before.role === "administrateur") await keepAnAdministrator(db, userId);
  await db
    .update(users)
    .set({ active, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  // Deactivation takes effect at once, on every instance.
  if (!active) await revokeUserSessions(db, userId);
  const after = await existingUser(db, userId);
  await recordAudit(db, actor, {
    action: active ? "utilisateur.reactivation" : "utilisateur.desactivation",
    entityId: userId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}
