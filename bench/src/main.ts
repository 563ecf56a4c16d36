import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEMO_PASSWORD, pgliteDataset, postgresDataset, type Dataset, type Size } from "./dataset.js";
import { signIn } from "./http.js";
import { measureImport, type ImportResult } from "./import.js";
import { measureConcurrentExports, type ConcurrentExportsResult } from "./exports.js";
import { startApp, startBareExpress } from "./in-process.js";
import { auditPages, type LighthouseScores } from "./lighthouse.js";
import { measurePair } from "./measure.js";
import { renderReport, type Line } from "./report.js";
import { engineScenarios, frameworkScenarios, sqlScenarios, type Scenario } from "./scenarios.js";
import { startInstances } from "./instances.js";
import { measureThroughput, type ThroughputResult } from "./throughput.js";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** BENCH_QUICK=1: a smaller "large" size and fewer rounds, to try the bench itself; never for the report. */
const QUICK = process.env.BENCH_QUICK === "1";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OFFICER = { email: "charge.mission@defis.example", password: DEMO_PASSWORD };

const SIZES: Size[] = [
  {
    name: "demo",
    added: { laureates: 0, payments: 0 },
    description: "les 27 lauréats réels et leur historique de démonstration (2022–2024)",
  },
  QUICK
    ? {
        name: "grand",
        added: { laureates: 973, payments: 100_000, milestones: 10_000 },
        description: "1 000 lauréats, 100 000 versements, 10 000 jalons (essai rapide)",
      }
    : {
        name: "grand",
        added: { laureates: 9_973, payments: 1_000_000, milestones: 100_000 },
        description:
          "10 000 lauréats (27 réels + 9 973 synthétiques), 1 000 000 lignes de versement et 100 000 jalons synthétiques",
      },
];

const ROUNDS = QUICK
  ? { warmup: 5, iterations: 40, heavy: 2, budgetSeconds: 10 }
  : { warmup: 20, iterations: 200, heavy: 3, budgetSeconds: 40 };

function log(message: string): void {
  process.stdout.write(`› ${message}\n`);
}

async function measure(scenarios: Scenario[], size: Size): Promise<Line[]> {
  const lines: Line[] = [];
  for (const scenario of scenarios) {
    const rounds = scenario.heavy
      ? { warmup: 1, iterations: ROUNDS.heavy }
      : { warmup: ROUNDS.warmup, iterations: ROUNDS.iterations, budgetSeconds: ROUNDS.budgetSeconds };
    const result = await measurePair(scenario.subject, scenario.reference, rounds);
    lines.push({ size: size.name, scenario, result });
    log(
      `${size.name} · ${scenario.name} : p50 ${result.subject.p50.toFixed(2)} ms / ${result.reference.p50.toFixed(2)} ms, ` +
        `p95 ${result.subject.p95.toFixed(2)} ms`,
    );
  }
  return lines;
}

async function measureSize(size: Size): Promise<{
  lines: Line[];
  generation: { postgres: number; pglite: number | null };
  postgres: Dataset;
}> {
  log(`${size.name} : génération sur PostgreSQL (${size.description})`);
  const postgres = await postgresDataset(SERVER_URL, size);
  log(`${size.name} : généré en ${postgres.generationSeconds.toFixed(1)} s`);
  const pool = new pg.Pool({ connectionString: postgres.url ?? "", max: 10 });
  const app = await startApp(postgres);
  const bare = await startBareExpress(postgres);
  const lines: Line[] = [];
  let pgliteSeconds: number | null = null;
  try {
    const client = await signIn(app.baseUrl, OFFICER.email, OFFICER.password);
    lines.push(...(await measure(await sqlScenarios(postgres, pool, client), size)));
    lines.push(...(await measure(frameworkScenarios(client, bare.baseUrl), size)));

    log(`${size.name} : génération sur PGlite`);
    const pglite = await pgliteDataset(size);
    pgliteSeconds = pglite.generationSeconds;
    const pgliteApp = await startApp(pglite);
    try {
      const pgliteClient = await signIn(pgliteApp.baseUrl, OFFICER.email, OFFICER.password);
      lines.push(...(await measure(engineScenarios(pgliteClient, client), size)));
    } finally {
      await pgliteApp.close();
      await pglite.close();
    }
  } finally {
    await app.close();
    await bare.close();
    await pool.end();
  }
  return { lines, generation: { postgres: postgres.generationSeconds, pglite: pgliteSeconds }, postgres };
}

async function lighthouseOn(dataset: Dataset): Promise<LighthouseScores[]> {
  const [instance] = await startInstances(dataset.url ?? "", 1);
  if (!instance) throw new Error("Instance non démarrée.");
  try {
    const { cookie } = await signIn(instance.baseUrl, OFFICER.email, OFFICER.password);
    return await auditPages(instance.baseUrl, cookie);
  } finally {
    await instance.stop();
  }
}

function machine(postgresVersion: string): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model.trim() ?? "processeur inconnu"}, ${cpu.length} cœurs visibles (partagés), ` +
    `${Math.round(totalmem() / 2 ** 30)} Gio de mémoire ; Node ${process.version} ; ${postgresVersion} (local, réglages par défaut)`
  );
}

const BEGIN = "<!-- pnpm bench : début des mesures (écrit par bench/src/main.ts) -->";
const END = "<!-- pnpm bench : fin des mesures -->";

/** The measurements replace those of the last run; the analysis written around them stays. */
function withMeasurements(document: string | null, report: string): string {
  const block = `${BEGIN}\n\n${report}\n${END}`;
  const start = document?.indexOf(BEGIN) ?? -1;
  const end = document?.indexOf(END) ?? -1;
  if (document && start !== -1 && end > start) {
    return `${document.slice(0, start)}${block}${document.slice(end + END.length)}`;
  }
  return `# Mesures de performance\n\n${block}\n`;
}

async function main(): Promise<void> {
  if (!existsSync(`${ROOT}apps/api/dist/index.js`) || !existsSync(`${ROOT}apps/web/dist/index.html`)) {
    throw new Error(
      "Application non construite : `pnpm bench` la construit d'abord ; sinon lancez `pnpm build`.",
    );
  }
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const postgresVersion =
    (await admin.query<{ v: string }>("select version() as v")).rows[0]?.v.split(" on ")[0] ?? "";
  await admin.end();
  const started = new Date();
  const loadAtStart = loadavg()[0] ?? 0;

  const lines: Line[] = [];
  const generation: Record<string, { postgres: number; pglite: number | null }> = {};
  const throughput: { size: string; result: ThroughputResult }[] = [];
  const imported: ImportResult[] = [];
  const exportsUnderLoad: ConcurrentExportsResult[] = [];
  let lighthouse: LighthouseScores[] = [];
  for (const size of SIZES) {
    const measured = await measureSize(size);
    lines.push(...measured.lines);
    generation[size.name] = measured.generation;
    try {
      // At the small size the API processes do most of the work, at the large one the database does.
      log(`${size.name} : une instance contre deux`);
      throughput.push({
        size: size.name,
        result: await measureThroughput(measured.postgres, OFFICER, {
          concurrency: 16,
          seconds: QUICK ? 3 : 8,
          rounds: 2,
        }),
      });
      if (size.name === "demo") {
        log("demo : Lighthouse dans Chromium");
        lighthouse = await lighthouseOn(measured.postgres);
      } else {
        for (const engine of ["pglite", "postgresql"] as const) {
          log(`import d'un relevé de 100 000 lignes sur ${engine}`);
          imported.push(await measureImport(engine, SERVER_URL, 100_000));
        }
        for (const file of ["portefeuille.xlsx", "paiements.csv"]) {
          log(`${size.name} : quatre téléchargements simultanés de ${file}`);
          exportsUnderLoad.push(
            await measureConcurrentExports(measured.postgres.url ?? "", OFFICER, file, 4),
          );
        }
      }
    } finally {
      await measured.postgres.close();
    }
  }

  const report = renderReport({
    date: started,
    machine:
      `${machine(postgresVersion)} ; charge moyenne (1 min) ${loadAtStart.toFixed(1)} au début, ` +
      `${(loadavg()[0] ?? 0).toFixed(1)} à la fin : d'autres travaux partagent la machine, les ratios (mesurés en ` +
      `alternance) en souffrent moins que les durées`,
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim(),
    quick: QUICK,
    sizes: SIZES,
    generation,
    lines,
    throughput,
    imported,
    exportsUnderLoad,
    lighthouse,
  });
  const target = QUICK ? `${ROOT}bench/benchmarks-quick.md` : `${ROOT}docs/benchmarks.md`;
  await writeFile(
    target,
    withMeasurements(existsSync(target) ? await readFile(target, "utf8") : null, report),
  );
  // The document stays in the repository's format (pnpm format:check).
  execFileSync("pnpm", ["exec", "prettier", "--write", target], { cwd: ROOT, stdio: "ignore" });
  process.stdout.write(`\n${report}\n› écrit dans ${target}\n`);
}

await main();
