import type { DatabaseHandle } from "@defis/db";
import { DEFAULT_DEMO_PASSWORD, schema } from "@defis/db";
import type { SessionUser } from "@defis/domain";
import { eq } from "drizzle-orm";
import { findSessionUser, openSession } from "../auth/sessions.js";
import { createTestDatabase } from "@defis/db/testing";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createApp, type AppDependencies } from "../app.js";
import { appRouter } from "../router.js";
import { createCallerFactory, type Context } from "../trpc.js";

export const silentLogger = pino({ level: "silent" });

const createCaller = createCallerFactory(appRouter);

/** The context the HTTP layer would build for one request by `user`. */
export function contextFor(
  database: DatabaseHandle,
  user: SessionUser | null,
  openData: Context["openData"] = { attribuantSiret: null },
): Context {
  return {
    db: database.db,
    databaseKind: database.kind,
    requestId: "test-request",
    logger: silentLogger,
    loadUser: () => Promise.resolve(user),
    exposeInternalErrors: false,
    mail: { publicUrl: "https://defis.test", deliveryConfigured: false },
    openData,
  };
}

/** A caller for the router, as `user` (null: anonymous). */
export function callerFor(
  database: DatabaseHandle,
  user: SessionUser | null = null,
  openData?: Context["openData"],
) {
  return createCaller(contextFor(database, user, openData));
}

export { createTestDatabase };

/**
 * The HTTP app listening on a free loopback port; `close()` stops it. The
 * overrides may be a function of the app's URL, for dependencies that must
 * know it (an OpenID provider registers the app's callback address).
 */
export async function startTestServer(
  database: DatabaseHandle,
  overrides: Partial<AppDependencies> | ((url: string) => Promise<Partial<AppDependencies>>) = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  // Listening before the app exists: the port, hence the URL, is known before the dependencies are built.
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  try {
    const app = createApp({
      database,
      logger: silentLogger,
      production: true,
      webDist: null,
      mail: { publicUrl: url, deliveryConfigured: false },
      ...(typeof overrides === "function" ? await overrides(url) : overrides),
    });
    server.on("request", app);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}

/** A password sign-in through HTTP, as the sign-in page sends it; `headers` may name the address. */
export function signInRequest(
  server: { url: string },
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** The demonstration accounts every test database has, by role. */
export const DEMO_EMAILS = {
  admin: "admin@defis.example",
  officer: "charge.mission@defis.example",
  sponsorInterieur: "sponsor.interieur@defis.example",
  sponsorSante: "sponsor.sante@defis.example",
  leadership: "direction@defis.example",
} as const;

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

/** The session user of an account, as the HTTP layer would find it behind a cookie. */
export async function sessionUserOf(database: DatabaseHandle, email: string): Promise<SessionUser> {
  const [user] = await database.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!user) throw new Error(`Compte de test absent : ${email}`);
  const sessionUser = await findSessionUser(database.db, await openSession(database.db, user.id));
  if (!sessionUser) throw new Error(`Session de test impossible pour ${email}`);
  return sessionUser;
}

/** A router caller signed in as `email`. */
export async function callerAs(database: DatabaseHandle, email: string) {
  return callerFor(database, await sessionUserOf(database, email));
}

/** Signs in through POST /auth/login and returns the Cookie header to send next. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`Connexion refusée pour ${email} : ${response.status}`);
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error("Aucun cookie de session reçu.");
  return cookie.split(";")[0] ?? "";
}
