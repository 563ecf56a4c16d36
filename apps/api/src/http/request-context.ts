import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../logger.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express types are extended through this namespace.
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

const REQUEST_ID_PATTERN = /^[\w.-]{8,64}$/;

/**
 * Gives each request an id (kept from a trusted proxy's x-request-id when it
 * looks like one), a child logger, and one log line when it ends. Only the
 * method, path without query string, status and duration are logged: queries
 * and headers may carry personal data or credentials.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    req.id = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.id });
    res.setHeader("x-request-id", req.id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      req.log.info(
        {
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        "requête traitée",
      );
    });
    next();
  };
}
