import { parse, serialize } from "cookie";
import type { Request, Response } from "express";
import { SESSION_ABSOLUTE_HOURS } from "./sessions.js";

/**
 * In production the cookie is Secure and carries the __Host- prefix: the
 * browser then refuses it from any subdomain or over plain HTTP. Chromium and
 * Firefox treat http://localhost as secure, so `pnpm start` still works.
 */
export function sessionCookieName(production: boolean): string {
  return production ? "__Host-defis_session" : "defis_session";
}

export function readSessionToken(req: Request, production: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parse(header)[sessionCookieName(production)];
  return token && /^[\w-]{20,100}$/.test(token) ? token : null;
}

export function setSessionCookie(res: Response, token: string, production: boolean): void {
  res.append(
    "Set-Cookie",
    serialize(sessionCookieName(production), token, {
      httpOnly: true,
      sameSite: "lax",
      secure: production,
      path: "/",
      maxAge: SESSION_ABSOLUTE_HOURS * 3600,
    }),
  );
}

export function clearSessionCookie(res: Response, production: boolean): void {
  res.append(
    "Set-Cookie",
    serialize(sessionCookieName(production), "", {
      httpOnly: true,
      sameSite: "lax",
      secure: production,
      path: "/",
      maxAge: 0,
    }),
  );
}
