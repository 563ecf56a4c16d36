import type { Database, DatabaseKind } from "@defis/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Logger } from "./logger.js";

export interface Context {
  db: Database;
  databaseKind: DatabaseKind;
  requestId: string;
  logger: Logger;
  /** Production hides internal messages; development shows them to the developer. */
  exposeInternalErrors: boolean;
}

export const INTERNAL_ERROR_MESSAGE =
  "Une erreur interne est survenue. Réessayez ; si elle persiste, transmettez la référence au support.";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /**
   * Never let a database message reach a client: drizzle errors carry the SQL
   * and its parameters. Internal errors become a generic French message with
   * the request id; validation errors keep their field messages for forms.
   */
  errorFormatter({ shape, error, ctx }) {
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : undefined;
    return {
      message: isInternal && !ctx?.exposeInternalErrors ? INTERNAL_ERROR_MESSAGE : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId ?? null,
        fieldErrors: fieldErrors ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure starts from a policy: here, readable by anyone the HTTP
 * layer lets through. Later policies (roles, scopes) are declared the same
 * way, once per procedure.
 */
export const publicProcedure = t.procedure;

export function notFound(message: string): never {
  throw new TRPCError({ code: "NOT_FOUND", message });
}
