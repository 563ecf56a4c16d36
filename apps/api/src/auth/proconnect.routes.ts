import type { DatabaseHandle } from "@defis/db";
import { schema } from "@defis/db";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import express, { type Router } from "express";
import { completeSignIn } from "./password-sign-in.js";
import type { ProConnect } from "./proconnect.js";
import { setSessionCookie } from "./session-cookie.js";

const { authFlows, users } = schema;

/** A sign-in at ProConnect must come back within this delay. */
const FLOW_TTL_MINUTES = 10;

/** Only a path of this site: never an open redirect to another one. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : "/";
}

function signInPageWith(error: string): string {
  return `/connexion?erreur=${encodeURIComponent(error)}`;
}

export function proConnectRoutes(
  database: DatabaseHandle,
  proConnect: ProConnect,
  production: boolean,
): Router {
  const { db } = database;
  const routes = express.Router();

  routes.get("/login", async (req, res) => {
    try {
      const request = await proConnect.startAuthorization();
      await db
        .delete(authFlows)
        .where(lt(authFlows.createdAt, sql`now() - make_interval(mins => ${FLOW_TTL_MINUTES})`));
      await db.insert(authFlows).values({
        state: request.state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
        returnTo: safeReturnPath(req.query.retour),
      });
      res.redirect(303, request.url.toString());
    } catch (error) {
      req.log.error({ err: error }, "ProConnect injoignable");
      res.redirect(303, signInPageWith("proconnect-indisponible"));
    }
  });

  routes.get("/callback", async (req, res) => {
    const state = typeof req.query.state === "string" ? req.query.state : "";
    // Single use: the flow is deleted as it is read.
    const [flow] = state
      ? await db
          .delete(authFlows)
          .where(
            and(
              eq(authFlows.state, state),
              gt(authFlows.createdAt, sql`now() - make_interval(mins => ${FLOW_TTL_MINUTES})`),
            ),
          )
          .returning()
      : [];
    if (!flow) {
      res.redirect(303, signInPageWith("session-expiree"));
      return;
    }
    if (typeof req.query.error === "string") {
      res.redirect(303, signInPageWith("proconnect-refus"));
      return;
    }
    let identity: { email: string; idToken: string };
    try {
      const query = new URL(req.originalUrl, "http://callback.invalid").searchParams;
      identity = await proConnect.finishAuthorization(query, flow);
    } catch (error) {
      req.log.warn({ err: error }, "échec de l'échange ProConnect");
      res.redirect(303, signInPageWith("proconnect-echec"));
      return;
    }
    const signedIn = await db.transaction(async (tx) => {
      // No self-registration: ProConnect only opens accounts an administrator created.
      const [user] = await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(and(eq(users.email, identity.email), eq(users.active, true)));
      return user ? completeSignIn(tx, user, "ProConnect", req.id, identity.idToken) : null;
    });
    if (!signedIn) {
      res.redirect(303, signInPageWith("compte-inconnu"));
      return;
    }
    setSessionCookie(res, signedIn.token, production);
    res.redirect(303, flow.returnTo);
  });

  return routes;
}
