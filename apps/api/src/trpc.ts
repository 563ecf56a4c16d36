import { LedgerRefusal, type Database, type DatabaseKind } from "@defis/db";
import { ALL_ROLES, PERMISSIONS, type Permission, type Role, type SessionUser } from "@defis/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "./audit/record-audit.js";
import { isLaureateInScope } from "./auth/scope.js";
import type { Logger } from "./logger.js";

export interface Context {
  db: Database;
  databaseKind: DatabaseKind;
  requestId: string;
  logger: Logger;
  /**
   * The signed-in person, or null for an anonymous request. Looked up when a
   * policy asks, so that a failing lookup is reported like any other error of
   * the procedure, with its request id.
   */
  loadUser: () => Promise<SessionUser | null>;
  /** Production hides internal messages; development shows them to the developer. */
  exposeInternalErrors: boolean;
}

/**
 * Who may call a procedure. Declared once per procedure through the builders
 * below; a procedure without one is refused (default deny), and a test walks
 * the router to check that none is missing.
 */
export interface Policy {
  /** Readable name, for the authorization matrix and error logs. */
  name: string;
  roles: readonly Role[];
  /**
   * Sponsors may act only on laureates of their scope: the procedure's input
   * names the laureate in `laureateSlug`, checked before the procedure runs.
   */
  sponsorScope?: boolean;
}

export interface Meta {
  policy?: Policy;
}

export const INTERNAL_ERROR_MESSAGE =
  "Une erreur interne est survenue. Réessayez ; si elle persiste, transmettez la référence au support.";

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    /**
     * Never let a database message reach a client: drizzle errors carry the SQL
     * and its parameters. Internal errors become a generic French message with
     * the request id; validation errors keep their field messages for forms.
     */
    errorFormatter({ shape, error, ctx }) {
      const isInternal = error.code === "INTERNAL_SERVER_ERROR";
      const invalidInput = error.cause instanceof ZodError ? error.cause : null;
      return {
        message:
          isInternal && !ctx?.exposeInternalErrors
            ? INTERNAL_ERROR_MESSAGE
            : readableMessage(shape.message, invalidInput),
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          fieldErrors: invalidInput ? z.flattenError(invalidInput).fieldErrors : null,
          /** Set on version conflicts: what the record holds now, for the user to reapply. */
          current: error.cause instanceof ConflictWithCurrent ? error.cause.current : null,
        },
      };
    },
  });

/** zod's own message is a JSON dump of its issues: a person reads the French messages instead. */
function readableMessage(message: string, invalidInput: ZodError | null): string {
  if (!invalidInput) return message;
  const messages = [...new Set(invalidInput.issues.map((issue) => issue.message))];
  return `Données invalides : ${messages.join(" ; ")}`;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Carries the record as it stands now, when an edit was made on an older version. */
export class ConflictWithCurrent extends Error {
  constructor(
    message: string,
    readonly current: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Refuses an edit made on an older version, with the record as it stands now for the form to offer. */
export function staleVersion(current: Record<string, unknown>): never {
  throw new TRPCError({
    code: "CONFLICT",
    message:
      "Ces informations ont été modifiées entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis recommencez.",
    cause: new ConflictWithCurrent("version périmée", current),
  });
}

const laureateSlugInput = z.object({ laureateSlug: z.string() });

/** The ledger refuses in French (reserve too small, payment above the allocation): the user reads why. */
const ledgerRefusalsAsConflicts = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof LedgerRefusal) {
    throw new TRPCError({ code: "CONFLICT", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

const enforcePolicy = t.middleware(async ({ ctx, meta, next, getRawInput }) => {
  const policy = meta?.policy;
  if (!policy) throw new TRPCError({ code: "FORBIDDEN", message: "Action non autorisée." });
  const user = await ctx.loadUser();
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Connectez-vous pour continuer." });
  if (!policy.roles.includes(user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Votre rôle ne permet pas cette action." });
  }
  if (policy.sponsorScope && user.role === "sponsor") {
    const parsed = laureateSlugInput.safeParse(await getRawInput());
    const inScope = parsed.success && (await isLaureateInScope(ctx.db, user.scope, parsed.data.laureateSlug));
    if (!inScope) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Ce lauréat n'est pas dans votre périmètre." });
    }
  }
  const actor: Actor = { userId: user.id, role: user.role, requestId: ctx.requestId };
  return next({ ctx: { ...ctx, user, actor } });
});

/** The one way to make a procedure: with its policy. The builders below cover the usual cases. */
export function procedureWithPolicy(policy: Policy) {
  return t.procedure.meta({ policy }).use(enforcePolicy).use(ledgerRefusalsAsConflicts);
}

/** Readable by every signed-in role: the whole portfolio is visible to all of them. */
export const signedInProcedure = procedureWithPolicy({ name: "tout compte connecté", roles: ALL_ROLES });

/** Allowed to the roles that hold `permission` (the web app hides the action for the others). */
export function procedureFor(permission: Permission) {
  return procedureWithPolicy({ name: permission, roles: PERMISSIONS[permission] });
}

/** Like procedureFor, and a sponsor only on the laureates of their scope. */
export function laureateProcedureFor(permission: Permission) {
  return procedureWithPolicy({
    name: `${permission} (périmètre)`,
    roles: PERMISSIONS[permission],
    sponsorScope: true,
  });
}

export function notFound(message: string): never {
  throw new TRPCError({ code: "NOT_FOUND", message });
}
