import { createDatabase, prepareDatabase, type DatabaseHandle, type QueryListener } from "@defis/db";
import { addSyntheticPortfolio, ledgerInvariantBreaches, type SyntheticPortfolio } from "@defis/db/synthetic";
import { performance } from "node:perf_hooks";
import { createScratchDatabase } from "../../tests/e2e/support/postgres.js";

/** A size of the portfolio: the demonstration alone, or with synthetic laureates and payment lines added. */
export interface Size {
  name: string;
  /** Laureates, payment lines and milestones added to the 27 of the demonstration. */
  added: SyntheticPortfolio;
  /** Described in the report. */
  description: string;
}

export interface Dataset {
  handle: DatabaseHandle;
  /** PostgreSQL only: the database's URL, for raw clients and spawned instances. */
  url: string | null;
  /** Seconds spent generating the data. */
  generationSeconds: number;
  /** Every statement drizzle sends goes to `recorder` while it is set. */
  recording: { recorder: { query: string; params: unknown[] }[] | null };
  close(): Promise<void>;
}

export const DEMO_PASSWORD = "defis-demo-2022";

async function fill(handle: DatabaseHandle, size: Size): Promise<number> {
  const start = performance.now();
  await prepareDatabase(handle, { demo: true, demoPassword: DEMO_PASSWORD });
  if (size.added.laureates > 0) {
    await handle.db.transaction((tx) => addSyntheticPortfolio(tx, size.added));
  }
  const breaches = await ledgerInvariantBreaches(handle.db);
  if (breaches.length > 0) throw new Error(`Données générées incohérentes : ${breaches.join(" ; ")}`);
  return (performance.now() - start) / 1000;
}

function recordingListener(): { recording: Dataset["recording"]; onQuery: QueryListener } {
  const recording: Dataset["recording"] = { recorder: null };
  return { recording, onQuery: (query, params) => recording.recorder?.push({ query, params }) };
}

/** A new database of the bench's own on the PostgreSQL server, filled to `size`; `close()` drops it. */
export async function postgresDataset(serverUrl: string, size: Size): Promise<Dataset> {
  const database = await createScratchDatabase(serverUrl, `defis_bench_${size.name}`);
  const { recording, onQuery } = recordingListener();
  try {
    const handle = await createDatabase({ kind: "postgresql", url: database.url, poolSize: 10, onQuery });
    const generationSeconds = await fill(handle, size);
    await database.query("vacuum analyze");
    return {
      handle,
      url: database.url,
      generationSeconds,
      recording,
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** The same data in an in-memory PGlite, the embedded mode of the app. */
export async function pgliteDataset(size: Size): Promise<Dataset> {
  const { recording, onQuery } = recordingListener();
  const handle = await createDatabase({ kind: "pglite", dataDir: null, onQuery });
  const generationSeconds = await fill(handle, size);
  await handle.db.execute("analyze");
  return { handle, url: null, generationSeconds, recording, close: () => handle.close() };
}
