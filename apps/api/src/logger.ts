import { pino, type Logger } from "pino";

export type { Logger };

/**
 * JSON logs. Headers that carry credentials are redacted at the source so no
 * cookie or session id can reach a log line, whatever a later change logs.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "defis-api" },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]', "*.password"],
      censor: "[masqué]",
    },
  });
}
