import type { DatabaseHandle } from "@defis/db";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler, type Express } from "express";
import { readSessionToken } from "./auth/session-cookie.js";
import { findSessionUser } from "./auth/sessions.js";
import { exportsRoutes, type OpenDataSettings } from "./exports/exports.routes.js";
import { healthHandler } from "./http/health.js";
import { warnOnForwardedHeaders } from "./http/forwarded-headers.js";
import { importsRoutes } from "./imports/imports.routes.js";
import { requestContext } from "./http/request-context.js";
import { jsonPostsOnly, noStore, requireHeader, sameOriginOnly } from "./http/guards.js";
import { securityHeaders, TRPC_SOURCE_HEADER } from "./http/security.js";
import { authRoutes } from "./auth/auth.routes.js";
import type { ProConnect } from "./auth/proconnect.js";
import { spaRouter } from "./http/spa.js";
import type { Logger } from "./logger.js";
import { appRouter } from "./router.js";
import { INTERNAL_ERROR_MESSAGE, type Context, type MailSettings } from "./trpc.js";

export interface AppDependencies {
  database: DatabaseHandle;
  logger: Logger;
  /** Production hides internal error messages from clients. */
  production: boolean;
  /** Folder of the built SPA; null serves only the API. */
  webDist: string | null;
  /** Null when ProConnect is not configured. */
  proConnect?: ProConnect | null;
  /** Set in demonstration mode: the sign-in page lists the demonstration accounts. */
  demo?: { password: string | null } | null;
  trustProxy?: number;
  /** What the open-data exports need beyond the database; absent, the SCDL file lists no row. */
  openData?: OpenDataSettings | null;
  mail: MailSettings;
}

/** Largest accepted request body: procedures take small JSON inputs. */
export const MAX_BODY_BYTES = 1_000_000;
/** Requests the web client batches together stay far below this. */
export const MAX_BATCH_SIZE = 20;

/** The whole HTTP application, without listening: tests drive it directly. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? 0);
  if (!deps.trustProxy) app.use(warnOnForwardedHeaders(deps.logger));
  app.use(requestContext(deps.logger));
  app.use(securityHeaders());

  app.get("/api/health", healthHandler(deps.database));
  const openData = deps.openData ?? { attribuantSiret: null };
  app.use("/api/exports", exportsRoutes(deps.database.db, deps.production, openData));
  app.use("/api/imports", importsRoutes(deps.database.db, deps.production, deps.logger));

  app.use(
    "/auth",
    authRoutes({
      database: deps.database,
      production: deps.production,
      proConnect: deps.proConnect ?? null,
      demo: deps.demo ?? null,
    }),
  );

  app.use(
    "/trpc",
    noStore(),
    sameOriginOnly(),
    requireHeader(TRPC_SOURCE_HEADER),
    jsonPostsOnly(),
    createExpressMiddleware({
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req }): Context => {
        const token = readSessionToken(req, deps.production);
        return {
          db: deps.database.db,
          databaseKind: deps.database.kind,
          requestId: req.id,
          logger: req.log,
          loadUser: () => (token ? findSessionUser(deps.database.db, token) : Promise.resolve(null)),
          exposeInternalErrors: !deps.production,
          mail: deps.mail,
          openData,
        };
      },
      onError: ({ error, path, req }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "erreur interne");
      },
    }),
  );

  const spa = deps.webDist ? spaRouter(deps.webDist) : null;
  if (spa) app.use(spa);

  app.use((req, res) => {
    res.status(404).json({ error: { message: "Ressource introuvable.", requestId: req.id } });
  });
  app.use(finalErrorHandler);
  return app;
}

/** Last resort: never a stack trace or a database message to the client. */
const finalErrorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  // A download its client left half-way: nothing failed here, the stream only stopped.
  if (res.headersSent && req.socket.destroyed) {
    req.log.info({ err: error }, "téléchargement interrompu par le client");
    return;
  }
  const status = (error as { status?: number }).status ?? 500;
  if (status >= 500) req.log.error({ err: error }, "erreur non gérée");
  // A streamed download that fails half-way: the body has begun, cutting it off is the only honest answer.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).json({
    error: { message: status >= 500 ? INTERNAL_ERROR_MESSAGE : "Requête invalide.", requestId: req.id },
  });
};
