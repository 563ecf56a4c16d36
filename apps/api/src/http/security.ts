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
