import type { RequestHandler } from "express";
import helmet from "helmet";

/** The header the web client (and any script) sends on every /trpc call. */
export const TRPC_SOURCE_HEADER = "x-trpc-source";

/**
 * Strict headers on every response (HTML, API, static files, 404 alike).
 * helmet's defaults say 'self' for base-uri and frame-ancestors: we ask for
 * 'none'. Styles allow inline because the design system sets style attributes.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
}

function refuse(res: Parameters<RequestHandler>[1], status: number, message: string): void {
  res.status(status).json({ error: { message } });
}

/**
 * Cross-site requests must not reach a procedure. A browser can send a form
 * (multipart, urlencoded, text/plain) to any origin without a preflight, but
 * it cannot add a custom header or a JSON content type without one, and it
 * always says where it comes from in Origin.
 */
export function trpcRequestGuard(): RequestHandler {
  return (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    const origin = req.get("origin");
    if (origin && origin !== `${req.protocol}://${req.get("host")}`) {
      refuse(res, 403, "Requête refusée : origine non autorisée.");
      return;
    }
    if (!req.get(TRPC_SOURCE_HEADER)) {
      refuse(res, 400, `Requête refusée : l'en-tête ${TRPC_SOURCE_HEADER} est requis.`);
      return;
    }
    if (req.method === "POST" && !req.is("application/json")) {
      refuse(res, 415, "Requête refusée : le corps doit être du JSON (application/json).");
      return;
    }
    if (req.method !== "GET" && req.method !== "POST") {
      refuse(res, 405, "Méthode non autorisée.");
      return;
    }
    next();
  };
}
