import type { DatabaseHandle } from "@defis/db";
import { sql } from "drizzle-orm";
import type { RequestHandler } from "express";

/**
 * Liveness, for a load balancer or a probe: answers 503 when the database does
 * not respond, so traffic stops going to this instance. Anyone may call it, so
 * it says nothing an attacker could use (no versions of the app or of the
 * database server): the status and the kind of database only.
 */
export function healthHandler(database: DatabaseHandle): RequestHandler {
  return async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: "ok", database: { kind: database.kind } });
    } catch (error) {
      req.log.error({ err: error }, "base de données injoignable");
      res.status(503).json({ status: "indisponible", database: { kind: database.kind } });
    }
  };
}
