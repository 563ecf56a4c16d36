import { createDatabase, prepareDatabase, schema, type DatabaseHandle } from "@defis/db";
import { addSyntheticPortfolio } from "@defis/db/synthetic";
import { readFile, rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { and, eq, inArray, isNotNull, like } from "drizzle-orm";
import {
  createDataDir,
  spawnApp,
  stopProcess,
  waitUntilReady,
  type AppProcess,
} from "../../tests/e2e/support/app-server.js";
import { createScratchDatabase } from "../../tests/e2e/support/postgres.js";
import { DEMO_PASSWORD } from "./dataset.js";
import { signIn, trpcQuery, type Client } from "./http.js";

export type Engine = "pglite" | "postgresql";

/** The targets of issue #16: 100 000 rows applied in time, the application answering meanwhile. */
export const IMPORT_TARGETS = {
  seconds: { pglite: 60, postgresql: 20 } satisfies Record<Engine, number>,
  p95Ms: 500,
};

export interface ImportResult {
  engine: Engine;
  rows: number;
  megabytes: number;
  /** From the upload to the job's end, as the page sees it. */
  seconds: number;
  /** The job's end ("termine") and the payments it wrote; its message otherwise. */
  status: string;
  message: string | null;
  imported: number;
  /** What a second upload got while the job ran (409: refused, naming the running one). */
  secondUpload: number;
  health: { p95: number; max: number; samples: number };
  portfolio: { p95: number; max: number; samples: number };
  rssBeforeMiB: number;
  peakMiB: number;
}

/** The portfolio the import lands in: the demonstration and 1 000 synthetic laureates with 100 000 payment lines. */
const PORTFOLIO = { laureates: 973, payments: 100_000 };
const OFFICER = { email: "charge.mission@defis.example", password: DEMO_PASSWORD };

/** Fills the database, and gives the EJ numbers of the synthetic laureates that may be paid. */
async function fill(handle: DatabaseHandle): Promise<string[]> {
  await prepareDatabase(handle, { demo: true, demoPassword: DEMO_PASSWORD });
  await handle.db.transaction((tx) => addSyntheticPortfolio(tx, PORTFOLIO));
  const { allocations, fundingRecords, laureates } = schema;
  // Those the funding rules let be paid: a mode set, a dated convention or decision, an allocation.
  const rows = await handle.db
    .select({ ej: fundingRecords.ejNumber })
    .from(fundingRecords)
    .innerJoin(laureates, eq(laureates.id, fundingRecords.laureateId))
    .innerJoin(allocations, eq(allocations.laureateId, laureates.id))
    .where(
      and(
        like(fundingRecords.ejNumber, "9%"),
        inArray(laureates.fundingMode, ["subvention", "transfert"]),
        isNotNull(fundingRecords.conventionDate),
      ),
    )
    .orderBy(fundingRecords.laureateId);
  return rows.flatMap((row) => (row.ej ? [row.ej] : []));
}

/** A Chorus-like extract (French CSV: BOM, ";", decimal comma) of `rows` payments of 1 € over the synthetic laureates. */
function extract(ejNumbers: string[], rows: number): string {
  if (ejNumbers.length === 0) throw new Error("Pas de lauréat synthétique pour l'import.");
  const lines = ["\uFEFFNuméro EJ;Date;Montant;Référence;Libellé"];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    lines.push(
      `${ejNumbers[index % ejNumbers.length] ?? ""};${day}/02/2025;1,00;IMP-${index};Versement importé`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
}

/** The built server on a database of the engine, filled; `stop()` removes everything. */
async function startServer(engine: Engine, serverUrl: string) {
  const dataDir = await createDataDir();
  let ejNumbers: string[];
  let drop: () => Promise<unknown> = () => Promise.resolve();
  let storage = {};
  if (engine === "postgresql") {
    const database = await createScratchDatabase(serverUrl, "defis_bench_import");
    const handle = await createDatabase({ kind: "postgresql", url: database.url });
    ejNumbers = await fill(handle).finally(() => handle.close());
    await database.query("vacuum analyze");
    drop = () => database.drop();
    storage = { databaseUrl: database.url };
  } else {
    const handle = await createDatabase({ kind: "pglite", dataDir });
    ejNumbers = await fill(handle).finally(() => handle.close());
  }
  const app: AppProcess = await spawnApp(dataDir, storage);
  const baseUrl = `http://127.0.0.1:${app.port}`;
  await waitUntilReady(app, baseUrl, engine);
  return {
    baseUrl,
    ejNumbers,
    pid: app.child.pid ?? 0,
    output: () => app.output(),
    stop: async () => {
      await stopProcess(app);
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

/** Times `read` again and again until `stop` resolves, one call at a time, as a user clicking would. */
async function sample(read: () => Promise<unknown>, stop: Promise<unknown>) {
  const durations: number[] = [];
  const state = { stopped: false };
  const end = () => {
    state.stopped = true;
  };
  // The job's failure is reported by the caller, not here.
  stop.then(end, end);
  while (!state.stopped) {
    const start = performance.now();
    await read().catch(() => undefined);
    durations.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { p95: p95(durations), max: Math.max(...durations), samples: durations.length };
}

interface Job {
  id: number;
  status: string;
  message: string | null;
  report: { applied: { payments: number } | null } | null;
}

async function upload(client: Client, csv: string): Promise<Response> {
  return fetch(`${client.baseUrl}/api/imports/paiements?mode=application`, {
    method: "POST",
    headers: { "content-type": "text/csv; charset=utf-8", "x-trpc-source": "bench", cookie: client.cookie },
    body: csv,
  });
}

/** Reads the job every half second until it has ended. */
async function ended(client: Client, started: Job): Promise<Job> {
  let job = started;
  while (job.status === "en_attente" || job.status === "en_cours") {
    await new Promise((resolve) => setTimeout(resolve, 500));
    // As the page does: a reading lost on the way (a connection closed while the server was busy) is tried again.
    const response = await fetch(`${client.baseUrl}/api/imports/paiements/travaux/${job.id}`, {
      headers: { "x-trpc-source": "bench", cookie: client.cookie },
    }).catch(() => null);
    if (response) ({ job } = (await response.json()) as { job: Job });
  }
  return job;
}

/**
 * Applies an extract of `rows` payments on a fresh built server of the
 * engine, while a sampler reads /api/health and the portfolio
 * (`laureates.list`) one call at a time; a second upload is sent meanwhile.
 */
export async function measureImport(engine: Engine, serverUrl: string, rows: number): Promise<ImportResult> {
  const server = await startServer(engine, serverUrl);
  try {
    const csv = extract(server.ejNumbers, rows);
    const client = await signIn(server.baseUrl, OFFICER.email, OFFICER.password);
    const rssBefore = await statusKiB(server.pid, "VmRSS");
    const start = performance.now();
    const response = await upload(client, csv);
    const body = (await response.json()) as { job?: Job; error?: { message: string } };
    if (!body.job) throw new Error(`Import refusé : HTTP ${response.status} ${body.error?.message ?? ""}`);
    const done = ended(client, body.job);
    const [job, health, portfolio, second] = await Promise.all([
      done,
      sample(() => fetch(`${server.baseUrl}/api/health`).then((answer) => answer.text()), done),
      sample(() => trpcQuery(client, "laureates.list", {}), done),
      upload(client, csv).then((answer) => answer.status),
    ]);
    const seconds = (performance.now() - start) / 1000;
    return {
      engine,
      rows,
      megabytes: Buffer.byteLength(csv) / 1_000_000,
      seconds,
      status: job.status,
      message: job.message,
      imported: job.report?.applied?.payments ?? 0,
      secondUpload: second,
      health,
      portfolio,
      rssBeforeMiB: rssBefore / 1024,
      peakMiB: (await statusKiB(server.pid, "VmHWM")) / 1024,
    };
  } catch (error) {
    throw new Error(`Mesure de l'import interrompue sur ${engine} :\n${server.output().slice(-3_000)}`, {
      cause: error,
    });
  } finally {
    await server.stop();
  }
}

/** "| pglite | 100 000 | 5,8 Mo | 41,2 s (≤ 60 s : atteint) | …": one line of the report's table. */
export function importLine(result: ImportResult): string {
  const decimal = (value: number, digits = 1) => value.toFixed(digits).replace(".", ",");
  const target = IMPORT_TARGETS.seconds[result.engine];
  const met = (ok: boolean) => (ok ? "atteint" : "**manqué**");
  const latency = (sampled: ImportResult["health"]) =>
    `${decimal(sampled.p95, 0)} ms (max ${decimal(sampled.max, 0)}, ${sampled.samples} mesures ; ≤ ${IMPORT_TARGETS.p95Ms} ms : ${met(sampled.p95 <= IMPORT_TARGETS.p95Ms)})`;
  return (
    `| ${result.engine === "pglite" ? "PGlite" : "PostgreSQL"} | ${result.rows.toLocaleString("fr-FR")} | ${decimal(result.megabytes)} Mo | ` +
    `${decimal(result.seconds)} s (≤ ${target} s : ${met(result.seconds <= target && result.status === "termine")}) | ` +
    `${result.imported.toLocaleString("fr-FR")} (${result.status}${result.message ? ` : ${result.message}` : ""}) | ${latency(result.health)} | ${latency(result.portfolio)} | ` +
    `HTTP ${result.secondUpload}${result.secondUpload === 409 ? " (refusé clairement)" : ""} | ` +
    `${result.rssBeforeMiB.toFixed(0)} → ${result.peakMiB.toFixed(0)} Mio |`
  );
}

export const IMPORT_TABLE_HEADER = [
  "| Moteur | Lignes | Taille | Durée (objectif) | Versements écrits (fin du travail) | /api/health p95 | Portefeuille (`laureates.list`) p95 | Second import pendant le premier | Mémoire du processus (avant → pic) |",
  "| --- | ---: | ---: | --- | ---: | --- | --- | --- | --- |",
];
