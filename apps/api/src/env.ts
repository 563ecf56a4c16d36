import { z } from "zod";

/** The only reader of process.env: every setting is validated once, at start. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL doit commencer par postgres:// ou postgresql://" })
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    DEMO: z.enum(["0", "1"]).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Folder of the built SPA; the API serves it when it exists. */
    WEB_DIST: z.string().optional(),
    /** Number of reverse proxies in front of the app, for client addresses in logs. */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  })
  .transform((env) => ({
    ...env,
    // Demonstration data is on by default for a newcomer, off in production unless asked for.
    demo: env.DEMO === undefined ? env.NODE_ENV !== "production" : env.DEMO === "1",
  }));

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Configuration invalide :\n${problems.join("\n")}`);
  }
  return parsed.data;
}
