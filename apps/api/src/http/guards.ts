import type { RequestHandler, Response } from "express";

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { message } });
}

/**
 * Cross-site requests must not change anything. A browser sends a form
 * (multipart, urlencoded, text/plain) to any origin without a preflight, but
 * it always says where it comes from in Origin, and it cannot pick a JSON
 * content type or add a custom header without a preflight we never grant.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin && origin !== `${req.protocol}://${req.get("host")}`) {
      refuse(res, 403, "Requête refusée : origine non autorisée.");
      return;
    }
    next();
  };
}

export function jsonPostsOnly(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") {
      refuse(res, 405, "Méthode non autorisée.");
      return;
    }
    if (req.method === "POST" && !req.is("application/json")) {
      refuse(res, 415, "Requête refusée : le corps doit être du JSON (application/json).");
      return;
    }
    next();
  };
}

export function requireHeader(name: string): RequestHandler {
  return (req, res, next) => {
    if (!req.get(name)) {
      refuse(res, 400, `Requête refusée : l'en-tête ${name} est requis.`);
      return;
    }
    next();
  };
}

/** Answers about a person or a session are never cached, by the browser or a proxy. */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  };
}
