import type { Database, DatabaseKind } from "@defis/db";
import {
  ALL_ROLES,
  laureateSlug,
  NotFound,
  PERMISSIONS,
  Refusal,
  StaleVersion,
  type Permission,
  type RefusalKind,
  type Role,
  type SessionUser,
} from "@defis/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "./audit/record-audit.js";
import { isLaureateInScope } from "./auth/scope.js";
import { controlCharactersIn } from "./input-hygiene.js";
import type { OpenDataSettings } from "./exports/exports.routes.js";
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
  mail: MailSettings;
  /** What the SCDL preview and the controls need beyond the database (the attribuant's SIRET). */
  openData: OpenDataSettings;
}

/** What procedures that write mail need to know of the deployment. */
export interface MailSettings {
  /** Base of the links mails carry, without a trailing slash. */
  publicUrl: string;
  /** False when no SMTP server is configured: the outbox keeps the mail for reading. */
  deliveryConfigured: boolean;
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
            : isMalformedEnvelope(error)
              ? MALFORMED_REQUEST_MESSAGE
              : readableMessage(shape.message, invalidInput),
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          /**
           * Shown to the user only for internal errors, the ones support must
           * trace; a business refusal (domain Refusal, NotFound, StaleVersion,
           * policy, invalid input) reads as plain French without it.
           */
          supportReference: isInternal ? (ctx?.requestId ?? null) : null,
          fieldErrors: invalidInput ? z.flattenError(invalidInput).fieldErrors : null,
          /** Set on version conflicts: what the record holds now, for the user to reapply. */
          current: error.cause instanceof StaleVersion ? error.cause.current : null,
        },
      };
    },
  });

export const MALFORMED_REQUEST_MESSAGE = "Requête mal formée : elle ne peut pas être lue.";

/**
 * A request tRPC could not even unpack (a null body, a superjson `meta` that
 * sends the deserializer looping, a wrong shape): its message is JavaScript's
 * own ("Cannot destructure…"), of no use to a person and telling of the code.
 */
function isMalformedEnvelope(error: TRPCError): boolean {
  if (error.code === "PARSE_ERROR") return true;
  if (error.code !== "BAD_REQUEST") return false;
  const cause = error.cause;
  return !(cause instanceof ZodError || cause instanceof Refusal || cause instanceof NotFound);
}

/** zod's own message is a JSON dump of its issues: a person reads the French messages instead. */
function readableMessage(message: string, invalidInput: ZodError | null): string {
  if (!invalidInput) return message;
  const messages = [...new Set(invalidInput.issues.map((issue) => issue.message))];
  return `Données invalides : ${messages.join(" ; ")}`;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const laureateSlugInput = z.object({ laureateSlug });

const CODE_OF_REFUSAL = {
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  precondition: "PRECONDITION_FAILED",
  forbidden: "FORBIDDEN",
} as const satisfies Record<RefusalKind, TRPCError["code"]>;

/** The tRPC answer to a domain error (packages/domain/src/errors.ts); null for any other error. */
function trpcErrorOf(cause: unknown): TRPCError | null {
  if (cause instanceof StaleVersion)
    return new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof Refusal) {
    return new TRPCError({ code: CODE_OF_REFUSAL[cause.kind], message: cause.message, cause });
  }
  if (cause instanceof NotFound) return new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  return null;
}

/**
 * The one place where domain errors become tRPC codes: commands refuse in
 * French (reserve too small, stale version…) and the user reads why.
 */
const domainErrorsAsTRPCErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const mapped = result.ok ? null : trpcErrorOf(result.error.cause);
  if (mapped) throw mapped;
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
    const inScope = parsed.success && (await isLaureateInScope(ctx.db, user, parsed.data.laureateSlug));
    if (!inScope) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Ce lauréat n'est pas dans votre périmètre." });
    }
  }
  const actor: Actor = { userId: user.id, role: user.role, requestId: ctx.requestId };
  return next({ ctx: { ...ctx, user, actor } });
});

/** Control characters are refused in every input, whatever its schema (input-hygiene.ts). */
const refuseControlCharacters = t.middleware(async ({ next, getRawInput }) => {
  const invalid = controlCharactersIn(await getRawInput());
  if (invalid) throw new TRPCError({ code: "BAD_REQUEST", message: invalid.message, cause: invalid });
  return next();
});

/** The one way to make a procedure: with its policy. The builders below cover the usual cases. */
export function procedureWithPolicy(policy: Policy) {
  return t.procedure
    .meta({ policy })
    .use(enforcePolicy)
    .use(refuseControlCharacters)
    .use(domainErrorsAsTRPCErrors);
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
