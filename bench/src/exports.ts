import { performance } from "node:perf_hooks";
import { signIn } from "./http.js";
import { startInstances } from "./instances.js";
import { percentiles, type Percentiles } from "./measure.js";

export interface ConcurrentExportsResult {
  /** The download, as its route names it ("portefeuille.xlsx"). */
  file: string;
  concurrent: number;
  /** From the first request to the last byte of the last file. */
  seconds: number;
  /** Size of each file, in MB, and the HTTP statuses received. */
  megabytes: number[];
  statuses: number[];
  rssBeforeMiB: number;
  peakMiB: number;
  /** GET /api/health while the downloads run, one call every HEALTH_EVERY_MS. */
  health: Percentiles & { failures: number };
}

const HEALTH_EVERY_MS = 100;
/** A health check slower than this counts as failed, as a load balancer's would. */
const HEALTH_TIMEOUT_MS = 5_000;

async function download(
  baseUrl: string,
  path: string,
  cookie: string,
): Promise<{ status: number; bytes: number }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  let bytes = 0;
  // Read as it comes, never held whole: the client side must not be the bottleneck.
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    bytes += next.value.byteLength;
  }
  return { status: response.status, bytes };
}

/** Health calls one after another until `done` settles; their latencies, and how many failed. */
async function probeHealth(
  baseUrl: string,
  done: Promise<unknown>,
): Promise<{ latencies: number[]; failures: number }> {
  const downloadsOver = new AbortController();
  const stop = () => {
    downloadsOver.abort();
  };
  done.then(stop, stop);
  const latencies: number[] = [];
  let failures = 0;
  while (!downloadsOver.signal.aborted) {
    const start = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/health`, {
        signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - start);
      else failures += 1;
    } catch {
      failures += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
  }
  return { latencies, failures };
}

/**
 * `concurrent` downloads of the same file at once on a fresh built API
 * process: how long they take, that process's peak resident memory, and
 * how the health check answers meanwhile.
 */
export async function measureConcurrentExports(
  databaseUrl: string,
  officer: { email: string; password: string },
  file: string,
  concurrent: number,
): Promise<ConcurrentExportsResult> {
  const [instance] = await startInstances(databaseUrl, 1);
  if (!instance) throw new Error("Instance non démarrée.");
  try {
    const { cookie } = await signIn(instance.baseUrl, officer.email, officer.password);
    const before = instance.memory();
    const start = performance.now();
    const downloads = Promise.all(
      Array.from({ length: concurrent }, () => download(instance.baseUrl, `/api/exports/${file}`, cookie)),
    );
    const [files, health] = await Promise.all([downloads, probeHealth(instance.baseUrl, downloads)]);
    const seconds = (performance.now() - start) / 1000;
    return {
      file,
      concurrent,
      seconds,
      megabytes: files.map((result) => result.bytes / 1_000_000),
      statuses: files.map((result) => result.status),
      rssBeforeMiB: before.rssMiB,
      peakMiB: instance.memory().peakMiB,
      health: { ...percentiles(health.latencies), failures: health.failures },
    };
  } finally {
    await instance.stop();
  }
}
