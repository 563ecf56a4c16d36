import { createDatabase, DEFAULT_DEMO_PASSWORD, prepareDatabase, type DatabaseHandle } from "@defis/db";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createApp } from "./app.js";
import { createProConnect } from "./auth/proconnect.js";
import { readEnv } from "./env.js";
import { markInterruptedImportJobs, STALE_JOB_SECONDS } from "./imports/import-jobs.js";
import { createLogger } from "./logger.js";
import { createSmtpSender } from "./reminders/mail-delivery.js";
import { startReminderScheduler } from "./reminders/scheduler.js";
import { startSignInRetention } from "./auth/sign-in-retention.js";
import { parisDay } from "./paris-day.js";
import { seedDemoReviews } from "./reviews/review-commands.js";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const apiRoot = resolve(import.meta.dirname, "..");
const { version } = JSON.parse(readFileSync(resolve(apiRoot, "package.json"), "utf8")) as { version: string };

let database: DatabaseHandle;
try {
  database = await createDatabase(
    env.DATABASE_URL
      ? { kind: "postgresql", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: env.dataDir },
  );
  const prepared = await prepareDatabase(database, { demo: env.demo, demoPassword: env.DEMO_PASSWORD });
  if (prepared.demoSeeded) await seedDemoReviews(database.db, parisDay());
  // An import left running by the previous process will never end: say so (on PGlite, this process is the only one).
  const interrupted = await markInterruptedImportJobs(
    database.db,
    database.kind === "pglite" ? 0 : STALE_JOB_SECONDS,
  );
  if (interrupted > 0) logger.warn({ interrupted }, "imports interrompus par l'arrêt précédent");
  logger.info({ database: database.kind, ...prepared }, "base de données prête");
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}

const mailSender = env.SMTP_URL ? createSmtpSender(env.SMTP_URL, env.MAIL_FROM) : null;

const app = createApp({
  database,
  logger,
  production: env.NODE_ENV === "production",
  webDist: resolve(env.WEB_DIST ?? resolve(apiRoot, "../web/dist")),
  trustProxy: env.TRUST_PROXY,
  proConnect: env.proconnect
    ? createProConnect({
        ...env.proconnect,
        redirectUri: `${env.publicUrl}/auth/proconnect/callback`,
        postLogoutRedirectUri: `${env.publicUrl}/connexion`,
      })
    : null,
  demo: env.demo ? { password: env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD } : null,
  openData: env.openData,
  mail: { publicUrl: env.publicUrl, deliveryConfigured: mailSender !== null },
});

const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  logger.info({ port, version }, `Défis est servi sur http://localhost:${port}`);
});

const reminders = startReminderScheduler({
  db: database.db,
  logger,
  sender: mailSender,
  publicUrl: env.publicUrl,
  dueAtOnce: env.demo,
});
const signInRetention = startSignInRetention(database.db, logger);

/** Stop taking requests and the timers, let what is under way finish, then close the database. */
function shutDown(signal: string): void {
  logger.info({ signal }, "arrêt en cours");
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  server.close(() => {
    signInRetention.stop();
    void reminders
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.once("SIGTERM", () => shutDown("SIGTERM"));
process.once("SIGINT", () => shutDown("SIGINT"));
