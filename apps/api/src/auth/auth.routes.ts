import type { DatabaseHandle } from "@defis/db";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, readTogether, schema } from "@defis/db";
import { loginSchema } from "@defis/domain";
import { and, eq } from "drizzle-orm";
import express, { type Router } from "express";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.js";
import { holdsDemonstrationData } from "../programme/demonstration.js";
import { jsonPostsOnly, noStore, sameOriginOnly } from "../http/guards.js";
import { slowedMessage, TOO_MANY_ATTEMPTS_MESSAGE } from "./login-limiter.js";
import { signInWithPassword } from "./password-sign-in.js";
import type { ProConnect } from "./proconnect.js";
import { proConnectRoutes } from "./proconnect.routes.js";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "./session-cookie.js";
import { findSessionUser, revokeSession } from "./sessions.js";

export interface AuthDependencies {
  database: DatabaseHandle;
  production: boolean;
  /** Null when ProConnect is not configured. */
  proConnect: ProConnect | null;
  /** The demonstration accounts are listed on the sign-in page when they exist. */
  demo: { password: string | null } | null;
}

const INVALID_CREDENTIALS = "Adresse électronique ou mot de passe incorrect.";

/**
 * Authentication lives outside tRPC because it sets cookies and redirects.
 * Every route answers no-store; POSTs must be same-origin JSON.
 */
export function authRoutes(deps: AuthDependencies): Router {
  const { db } = deps.database;
  const auth = express.Router();
  auth.use(noStore(), sameOriginOnly(), jsonPostsOnly(), express.json({ limit: "10kb" }));

  auth.get("/options", async (_req, res) => {
    const demoAccounts = deps.demo
      ? await db
          .select({
            email: schema.users.email,
            displayName: schema.users.displayName,
            role: schema.users.role,
          })
          .from(schema.users)
          .where(and(eq(schema.users.isDemo, true), eq(schema.users.active, true)))
      : [];
    const listed = DEMO_ACCOUNTS.flatMap((account) =>
      demoAccounts.filter((row) => row.email === account.email),
    );
    res.json({
      proConnect: deps.proConnect !== null,
      demoAccounts: listed,
      // Shown only while it is the well-known default: a chosen password stays secret.
      demoPassword:
        listed.length > 0 && deps.demo?.password === DEFAULT_DEMO_PASSWORD ? DEFAULT_DEMO_PASSWORD : null,
    });
  });

  auth.post("/login", async (req, res) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: {
          message: "Vérifiez les champs du formulaire.",
          fieldErrors: z.flattenError(parsed.error).fieldErrors,
        },
      });
      return;
    }
    const result = await signInWithPassword(db, parsed.data, req.ip ?? "inconnue", req.id);
    if (result.kind === "locked") {
      res.status(429).json({ error: { message: TOO_MANY_ATTEMPTS_MESSAGE } });
      return;
    }
    if (result.kind === "slowed") {
      res.setHeader("Retry-After", String(result.retryAfterSeconds));
      res.status(429).json({ error: { message: slowedMessage(result) } });
      return;
    }
    if (result.kind === "invalid") {
      res.status(401).json({ error: { message: INVALID_CREDENTIALS } });
      return;
    }
    setSessionCookie(res, result.token, deps.production);
    res.json({ user: result.user });
  });

  auth.post("/logout", async (req, res) => {
    const token = readSessionToken(req, deps.production);
    const ended = token ? await endSession(deps, token, req.id) : null;
    clearSessionCookie(res, deps.production);
    const providerLogout =
      ended?.providerIdToken && deps.proConnect
        ? await deps.proConnect.logoutUrl(ended.providerIdToken)
        : null;
    res.json({ redirectTo: providerLogout });
  });

  auth.get("/me", async (req, res) => {
    const token = readSessionToken(req, deps.production);
    const [user, demonstration] = await readTogether(db, [
      () => (token ? findSessionUser(db, token) : Promise.resolve(null)),
      () => holdsDemonstrationData(db),
    ]);
    // Nobody signed in is an answer, not an error: browsers log every 401 as one.
    // The demonstration flag comes with the session so that the first paint
    // already holds its notice, instead of pushing the page down afterwards.
    res.json({ user, demonstration });
  });

  if (deps.proConnect)
    auth.use("/proconnect", proConnectRoutes(deps.database, deps.proConnect, deps.production));
  return auth;
}

async function endSession(deps: AuthDependencies, token: string, requestId: string) {
  return deps.database.db.transaction(async (tx) => {
    const ended = await revokeSession(tx, token);
    if (ended) {
      const [user] = await tx
        .select({ role: schema.users.role })
        .from(schema.users)
        .where(eq(schema.users.id, ended.userId));
      await recordAudit(
        tx,
        { userId: ended.userId, role: user?.role ?? null, requestId },
        { action: "session.deconnexion", entityId: ended.userId },
      );
    }
    return ended;
  });
}
