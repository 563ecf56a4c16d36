import { z } from "zod";
import { ministryKeySchema } from "./laureate.js";
import { laureateSlug, storedInteger } from "./identifiers.js";
import { ALL_ROLES, can, type Permission, type Role } from "./roles.js";

export const roleSchema = z.enum(ALL_ROLES, { error: "Rôle inconnu." });

/**
 * A sponsor's scope: laureates named one by one, every laureate of a ministry,
 * or every laureate of a porteur. The union of the entries is the scope.
 */
export const SCOPE_KINDS = {
  laureat: "Lauréat",
  ministere: "Ministère",
  porteur: "Porteur",
} as const;
export type ScopeKind = keyof typeof SCOPE_KINDS;

export const scopeEntrySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("laureat"),
    value: laureateSlug,
  }),
  z.object({ kind: z.literal("ministere"), value: ministryKeySchema }),
  z.object({
    kind: z.literal("porteur"),
    value: z.string().trim().min(1, { error: "Le porteur est requis." }).max(300),
  }),
]);
export type ScopeEntry = z.infer<typeof scopeEntrySchema>;

export const emailSchema = z
  .string({ error: "L'adresse électronique est requise." })
  .trim()
  .toLowerCase()
  .max(254, { error: "L'adresse électronique est trop longue." })
  .pipe(z.email({ error: "L'adresse électronique n'est pas valide." }));

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Le mot de passe est requis." })
    .min(1, { error: "Le mot de passe est requis." })
    .max(200, { error: "Le mot de passe est trop long." }),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Local passwords (the fallback to ProConnect): long rather than complicated. */
export const newPasswordSchema = z
  .string()
  .min(12, { error: "Le mot de passe doit compter au moins 12 caractères." })
  .max(200, { error: "Le mot de passe est trop long." });

const scopeListSchema = z
  .array(scopeEntrySchema)
  .max(200, { error: "Un périmètre compte au plus 200 éléments." })
  .default([]);

/** Sponsors need a scope; other roles have none (they read everything, or write by role). */
function scopeMatchesRole(value: { role: Role; scope: ScopeEntry[] }, context: z.RefinementCtx) {
  if (value.role === "sponsor" && value.scope.length === 0) {
    context.addIssue({ code: "custom", path: ["scope"], message: "Un sponsor doit avoir un périmètre." });
  }
  if (value.role !== "sponsor" && value.scope.length > 0) {
    context.addIssue({ code: "custom", path: ["scope"], message: "Seul un sponsor a un périmètre." });
  }
}

export const createUserSchema = z
  .object({
    email: emailSchema,
    displayName: z
      .string()
      .trim()
      .min(2, { error: "Le nom est requis." })
      .max(120, { error: "Le nom est trop long." }),
    role: roleSchema,
    scope: scopeListSchema,
    /** Optional: ProConnect users need none. */
    password: newPasswordSchema.optional(),
  })
  .superRefine(scopeMatchesRole);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z.object({ userId: storedInteger });

export const updateUserSchema = z
  .object({
    userId: storedInteger,
    displayName: z.string().trim().min(2, { error: "Le nom est requis." }).max(120),
    role: roleSchema,
    scope: scopeListSchema,
    /** Set only to replace the local password. */
    password: newPasswordSchema.optional(),
  })
  .superRefine(scopeMatchesRole);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** A sponsor's scope covers a laureate named in it, or one of a ministry or porteur named in it. */
export function scopeCovers(
  scope: readonly ScopeEntry[],
  laureate: { slug: string; ministry: string; porteur: string },
): boolean {
  return scope.some(
    (entry) =>
      (entry.kind === "laureat" && entry.value === laureate.slug) ||
      (entry.kind === "ministere" && entry.value === laureate.ministry) ||
      (entry.kind === "porteur" && entry.value === laureate.porteur),
  );
}

/**
 * Whether a person may do `permission` on a laureate: their role holds the
 * permission and, for a sponsor, their scope covers the laureate. The server's
 * policy and the interface both ask this, so they cannot disagree.
 */
export function mayActOnLaureate(
  user: { role: Role; scope: readonly ScopeEntry[] } | null | undefined,
  permission: Permission,
  laureate: { slug: string; ministry: string; porteur: string },
): boolean {
  return !!user && can(user.role, permission) && laureateWithinReach(user, laureate);
}

/** A sponsor reaches the laureates of their scope; the other roles reach every laureate. */
export function laureateWithinReach(
  user: { role: Role; scope: readonly ScopeEntry[] },
  laureate: { slug: string; ministry: string; porteur: string },
): boolean {
  return user.role !== "sponsor" || scopeCovers(user.scope, laureate);
}

/** The signed-in person, as the web app knows them. */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  scope: ScopeEntry[];
}

export interface UserListItem extends SessionUser {
  active: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}
