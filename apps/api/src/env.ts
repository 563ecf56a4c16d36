import { isDemoEnabled } from "@defis/db";
import { isValidSiret } from "@defis/domain";
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
    /** Password of the demonstration accounts. */
    DEMO_PASSWORD: z.string().min(8, { error: "DEMO_PASSWORD compte au moins 8 caractères." }).optional(),
    /** The address users reach the app at; ProConnect sends them back there. */
    PUBLIC_URL: z.url({ error: "PUBLIC_URL doit être une adresse complète (https://…)." }).optional(),
    /** ProConnect (OpenID Connect): on when the issuer, client id and secret are all set. */
    PROCONNECT_ISSUER: z.url({ error: "PROCONNECT_ISSUER doit être une adresse complète." }).optional(),
    PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
    PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
    /** SMTP server of the reminders ("smtps://user:password@host:465"); unset, mail stays in the outbox. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, { error: "SMTP_URL doit commencer par smtp:// ou smtps://." })
      .optional(),
    /** Sender of the reminders. */
    MAIL_FROM: z.string().trim().min(3).default("Défis <ne-pas-repondre@defis.example>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Folder of the built SPA; the API serves it when it exists. */
    WEB_DIST: z.string().optional(),
    /**
     * Number of reverse proxies in front of the app. Behind a TLS proxy it must
     * be set: the Origin check compares with the protocol the client used.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    /**
     * SIRET of the DITP, the granting body of the SCDL "subventions" open-data
     * file: the portfolio's data does not hold it. Unset, that file lists no row.
     */
    SCDL_ATTRIBUANT_SIRET: z
      .string()
      .trim()
      .refine(isValidSiret, {
        error: "SCDL_ATTRIBUANT_SIRET doit être un SIRET : 14 chiffres avec une clé valide.",
      })
      .optional(),
  })
  .superRefine((env, context) => {
    const proconnect = [env.PROCONNECT_ISSUER, env.PROCONNECT_CLIENT_ID, env.PROCONNECT_CLIENT_SECRET];
    if (proconnect.some(Boolean) && !proconnect.every(Boolean)) {
      context.addIssue({
        code: "custom",
        path: ["PROCONNECT_ISSUER"],
        message:
          "ProConnect demande PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET ensemble.",
      });
    }
  })
  .transform((env) => ({
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    proconnect:
      env.PROCONNECT_ISSUER && env.PROCONNECT_CLIENT_ID && env.PROCONNECT_CLIENT_SECRET
        ? {
            issuer: env.PROCONNECT_ISSUER,
            clientId: env.PROCONNECT_CLIENT_ID,
            clientSecret: env.PROCONNECT_CLIENT_SECRET,
          }
        : null,
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR),
    demo: isDemoEnabled(env),
    openData: { attribuantSiret: env.SCDL_ATTRIBUANT_SIRET ?? null },
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
