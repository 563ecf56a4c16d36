import { isDemoEnabled } from "@defis/db";
import { resolve } from "node:path";
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
    /** Set by pnpm to the folder the command was typed in: relative paths start there. */
    INIT_CWD: z.string().optional(),
    DEMO: z.enum(["0", "1"], { error: "DEMO vaut 0 ou 1." }).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Folder of the built SPA; the API serves it when it exists. */
    WEB_DIST: z.string().optional(),
    /**
     * Number of reverse proxies in front of the app. Behind a TLS proxy it must
     * be set: the Origin check compares with the protocol the client used.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  })
  .transform((env) => ({
    ...env,
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR),
    demo: isDemoEnabled(env),
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
