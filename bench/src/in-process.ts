import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import { pino } from "pino";
import { createApp } from "../../apps/api/src/app.js";
import { listLaureates } from "../../apps/api/src/laureates/laureate-queries.js";
import { parisDay } from "../../apps/api/src/paris-day.js";
import type { Dataset } from "./dataset.js";

export interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

async function listen(app: Express): Promise<Listening> {
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The real app, built from the sources as apps/api/src/index.ts builds it, in production mode. */
export function startApp(dataset: Dataset): Promise<Listening> {
  return listen(
    createApp({
      database: dataset.handle,
      // A real server logs one line per request: written, but to nowhere, so that its cost is counted.
      logger: pino({ level: "info" }, pino.destination("/dev/null")),
      production: true,
      webDist: null,
      demo: null,
      mail: { publicUrl: "http://localhost", deliveryConfigured: false },
    }),
  );
}

/** The reference for the framework's cost: the same query function and payload, on a bare Express route. */
export function startBareExpress(dataset: Dataset): Promise<Listening> {
  const app = express();
  app.get("/laureates", async (_req, res) => {
    res.json(await listLaureates(dataset.handle.db, {}, parisDay()));
  });
  return listen(app);
}
