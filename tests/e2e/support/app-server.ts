import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_ENTRY } from "./paths";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 200;
/** Enough log to explain a failure without flooding the report. */
const KEPT_OUTPUT_CHARS = 8_000;

export interface AppServer {
  baseUrl: string;
  dataDir: string;
  /** What the server wrote to stdout and stderr (the tail when it grows long). */
  output(): string;
  /** Sends SIGTERM and waits for the exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** Everything written to stdout and stderr so far (the tail when it grows long). */
  output(): string;
  exited: Promise<number | null>;
}

interface HealthBody {
  status?: string;
  database?: { kind?: string };
}

/** The server cannot report a port chosen by the system, so we find a free one and hand it over. */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

export async function createDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "defis-e2e-"));
}

/** Where the server keeps its data: a PGlite folder, or a PostgreSQL database. */
export interface AppStorage {
  /** Set: the server runs on this PostgreSQL database and `dataDir` holds nothing. */
  databaseUrl?: string;
}

/** Starts the built server on a data folder, without waiting for it to be ready. */
export async function spawnApp(dataDir: string, storage: AppStorage = {}): Promise<AppProcess> {
  const port = await findFreePort();
  // The journeys run on the embedded database unless told otherwise, whatever the developer's shell points at.
  const { DATABASE_URL: _databaseUrl, WEB_DIST: _webDist, ...inherited } = process.env;
  const child = spawn(process.execPath, [API_ENTRY], {
    env: {
      ...inherited,
      ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    // "close" rather than "exit": it comes after the output streams are drained, so nothing is lost.
    child.once("close", (code) => {
      resolve(code);
    });
  });
  return { child, port, output: () => output, exited };
}

async function isHealthy(baseUrl: string, kind: "pglite" | "postgresql"): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as HealthBody;
    return body.status === "ok" && body.database?.kind === kind;
  } catch {
    return false;
  }
}

export async function waitUntilReady(
  app: AppProcess,
  baseUrl: string,
  kind: "pglite" | "postgresql" = "pglite",
): Promise<void> {
  let exitCode: number | null | undefined;
  void app.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`Le serveur s'est arrêté au démarrage (code ${exitCode}) :\n${app.output()}`);
    }
    if (await isHealthy(baseUrl, kind)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(
    `Le serveur ne répond pas sur ${baseUrl}/api/health après ${READY_TIMEOUT_MS} ms :\n${app.output()}`,
  );
}

export async function stopProcess(app: AppProcess): Promise<number | null> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return app.exited;
  app.child.kill("SIGTERM");
  const timer = setTimeout(() => app.child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  try {
    return await app.exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A server with demonstration data, ready to answer. Without a data folder it
 * gets a fresh one, removed on stop; a folder passed in belongs to the caller.
 * With a database URL it runs on that PostgreSQL database instead.
 */
export async function startApp(options: { dataDir?: string } & AppStorage = {}): Promise<AppServer> {
  const dataDir = options.dataDir ?? (await createDataDir());
  const removeDataDir = async (): Promise<void> => {
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  const app = await spawnApp(dataDir, options.databaseUrl ? { databaseUrl: options.databaseUrl } : {});
  const baseUrl = `http://127.0.0.1:${app.port}`;
  try {
    await waitUntilReady(app, baseUrl, options.databaseUrl ? "postgresql" : "pglite");
  } catch (error) {
    await stopProcess(app);
    await removeDataDir();
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    output: () => app.output(),
    stop: async () => {
      const code = await stopProcess(app);
      await removeDataDir();
      return code;
    },
  };
}
