import type { Database } from "@defis/db";
import { can, type Permission, type SessionUser } from "@defis/domain";
import type { Request, RequestHandler } from "express";
import { readSessionToken } from "./session-cookie.js";
import { findSessionUser } from "./sessions.js";

const signedInUsers = new WeakMap<Request, SessionUser>();

/** For the routes outside tRPC (downloads): the same session, the same permissions. */
export function requireUser(db: Database, production: boolean, permission: Permission): RequestHandler {
  return async (req, res, next) => {
    const token = readSessionToken(req, production);
    const user = token ? await findSessionUser(db, token) : null;
    if (!user) {
      res.status(401).json({ error: { message: "Connectez-vous pour continuer." } });
      return;
    }
    if (!can(user.role, permission)) {
      res.status(403).json({ error: { message: "Votre rôle ne permet pas cette action." } });
      return;
    }
    signedInUsers.set(req, user);
    next();
  };
}

export function signedInUser(req: Request): SessionUser {
  const user = signedInUsers.get(req);
  if (!user) throw new Error("requireUser doit précéder cette route.");
  return user;
}
