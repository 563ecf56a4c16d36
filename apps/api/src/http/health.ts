import type { DatabaseHandle } from "@defis/db";
import { sql } from "drizzle-orm";
import type { RequestHandler } from "express";

/**
 * Liveness and what the app runs on. Answers 503 when the database does not
 * respond, so a load balancer stops sending traffic to this instance.
 */
export function healthHandler(database: DatabaseHandle, appVersion: string): RequestHandler {
  return async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      const [row] = await database.db
        .select({ serverVersion: sql<string>`current_setting('server_version')` })
        .from(sql`(select 1) as probe`);
      res.json({
        status: "ok",
        version: appVersion,
        database: { kind: database.kind, serverVersion: row?.serverVersion ?? null },
      });
    } catch (error) {
      req.log.error({ err: error }, "base de données injoignable");
      res
        .status(503)
        .json({ status: "indisponible", version: appVersion, database: { kind: database.kind } });
    }
  };
}
