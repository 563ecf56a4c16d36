import type { DatabaseHandle } from "@defis/db";
import { createTestDatabase } from "@defis/db/testing";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createApp, type AppDependencies } from "../app.js";
import { appRouter } from "../router.js";
import { createCallerFactory, type Context } from "../trpc.js";

export const silentLogger = pino({ level: "silent" });

const createCaller = createCallerFactory(appRouter);

/** A caller for the router, as the HTTP layer would build it for one request. */
export function callerFor(database: DatabaseHandle, overrides: Partial<Context> = {}) {
  return createCaller({
    db: database.db,
    databaseKind: database.kind,
    requestId: "test-request",
    logger: silentLogger,
    user: null,
    exposeInternalErrors: false,
    ...overrides,
  });
}

export { createTestDatabase };

/** The HTTP app listening on a free loopback port; `close()` stops it. */
export async function startTestServer(
  database: DatabaseHandle,
  overrides: Partial<AppDependencies> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp({
    database,
    logger: silentLogger,
    appVersion: "0.0.0-test",
    production: true,
    webDist: null,
    ...overrides,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
