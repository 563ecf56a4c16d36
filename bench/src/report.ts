import type { Size } from "./dataset.js";
import type { ConcurrentExportsResult } from "./exports.js";
import { IMPORT_TABLE_HEADER, importLine, type ImportResult } from "./import.js";
import type { LighthouseScores } from "./lighthouse.js";
import type { PairResult } from "./measure.js";
import type { Scenario } from "./scenarios.js";
import type { ThroughputResult } from "./throughput.js";

export interface Line {
  size: string;
  scenario: Scenario;
  result: PairResult;
}

export interface ReportInput {
  date: Date;
  machine: string;
  commit: string;
  quick: boolean;
  sizes: Size[];
  generation: Record<string, { postgres: number; pglite: number | null }>;
  lines: Line[];
  throughput: { size: string; result: ThroughputResult }[];
  imported: ImportResult[];
  exportsUnderLoad: ConcurrentExportsResult[];
  lighthouse: LighthouseScores[];
}

/** Health must keep answering while the downloads run: p95 under a second, no failed call. */
export const HEALTH_P95_BUDGET_MS = 1_000;

const decimal = (value: number, digits = 1) => value.toFixed(digits).replace(".", ",");

function exportsSection(results: ConcurrentExportsResult[]): string[] {
  if (results.length === 0) return [];
  const out = [
    "",
    "### Téléchargements simultanés (taille grand)",
    "",
    "| Fichier | Téléchargements | Durée | Taille de chaque fichier | Statuts | Mémoire résidente avant | Pic de mémoire du processus | Santé p50 | Santé p95 | Appels de santé (échecs) | Objectif |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const healthy = r.health.failures === 0 && r.health.p95 < HEALTH_P95_BUDGET_MS;
    out.push(
      `| \`${r.file}\` | ${r.concurrent} | ${decimal(r.seconds)} s | ${r.megabytes.map((mb) => `${decimal(mb)} Mo`).join(", ")} | ` +
        `${r.statuses.join(", ")} | ${r.rssBeforeMiB.toFixed(0)} Mio | ${r.peakMiB.toFixed(0)} Mio | ` +
        `${ms(r.health.p50)} ms | ${ms(r.health.p95)} ms | ${r.health.samples} (${r.health.failures}) | ` +
        `santé p95 < ${HEALTH_P95_BUDGET_MS} ms sans échec : ${healthy ? "atteint" : "**manqué**"} |`,
    );
  }
  return out;
}

export const LARGE_P95_BUDGET_MS = 50;

const ms = (value: number) => value.toFixed(2).replace(".", ",");
const ratio = (value: number) => `${value.toFixed(2).replace(".", ",")}×`;

function verdict(line: Line): string {
  if (!line.scenario.latencyTarget) return "—";
  const { subject, reference } = line.result;
  const checks = [
    `p50 ≤ 1,5 × réf. + 1 ms : ${subject.p50 <= 1.5 * reference.p50 + 1 ? "atteint" : "**manqué**"}`,
  ];
  if (line.size !== "demo") {
    checks.push(
      `p95 < ${LARGE_P95_BUDGET_MS} ms : ${subject.p95 < LARGE_P95_BUDGET_MS ? "atteint" : "**manqué**"}`,
    );
  }
  return checks.join(" ; ");
}

function lighthouseVerdict(scores: LighthouseScores): string {
  const misses = [
    scores.performance < 95 ? "performance < 95" : null,
    scores.accessibility < 100 ? "accessibilité < 100" : null,
    scores.bestPractices < 95 ? "bonnes pratiques < 95" : null,
  ].filter(Boolean);
  return misses.length === 0 ? "atteint" : `**manqué** (${misses.join(", ")})`;
}

export function renderReport(input: ReportInput): string {
  const out: string[] = [];
  const day = new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  });
  out.push(
    `Mesuré le ${day.format(input.date)} (heure de Paris), commit \`${input.commit}\`${input.quick ? " — **essai rapide (BENCH_QUICK=1), pas une mesure de référence**" : ""}.`,
  );
  out.push("", `Machine : ${input.machine}.`, "");
  out.push("| Taille | Contenu | Génération PostgreSQL | Génération PGlite |", "| --- | --- | --- | --- |");
  for (const size of input.sizes) {
    const generation = input.generation[size.name];
    out.push(
      `| ${size.name} | ${size.description} | ${generation ? `${generation.postgres.toFixed(1)} s` : "—"} | ${generation?.pglite != null ? `${generation.pglite.toFixed(1)} s` : "—"} |`,
    );
  }
  out.push("", "### Latences (sujet et référence mesurés en alternance dans la même exécution)", "");
  out.push(
    "| Taille | Mesure | Référence | p50 | p50 réf. | ratio p50 | p95 | p95 réf. | échantillons | Objectif |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const line of input.lines) {
    const { subject, reference } = line.result;
    out.push(
      `| ${line.size} | ${line.scenario.name} | ${line.scenario.referenceLabel} | ${ms(subject.p50)} ms | ${ms(reference.p50)} ms | ` +
        `${ratio(subject.p50 / reference.p50)} | ${ms(subject.p95)} ms | ${ms(reference.p95)} ms | ${subject.samples} | ${verdict(line)} |`,
    );
  }
  if (input.throughput.length > 0) {
    out.push("", "### Deux instances contre une (même base PostgreSQL)", "");
    out.push(
      "| Taille | Requêtes/s, 1 instance | Requêtes/s, 2 instances | ratio | Objectif | Erreurs | Versements | Invariants du grand livre après |",
      "| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    );
    for (const { size, result: t } of input.throughput) {
      out.push(
        `| ${size} | ${t.oneInstance.toFixed(0)} | ${t.twoInstances.toFixed(0)} | ${ratio(t.ratio)} | ` +
          `≥ 1,3× : ${t.ratio >= 1.3 ? "atteint" : "**manqué**"} | ${t.errors} | ${t.payments} | ` +
          `${t.invariantBreaches.length === 0 ? "intacts" : `**rompus** (${t.invariantBreaches.join(" ; ")})`} |`,
      );
    }
    const [first] = input.throughput;
    out.push(
      "",
      `${first?.result.concurrency ?? 0} clients en boucle fermée, ${first?.result.seconds ?? 0} s par tour, tours alternés ` +
        "1-2-1-2 ; 1 requête sur 20 est un versement de 1 €, les autres des lectures (vue d'ensemble, chiffres " +
        "mensuels, liste filtrée avec recherche, finances d'un lauréat).",
    );
  }
  if (input.imported.length > 0) {
    out.push(
      "",
      "### Import d'un relevé de paiements (travail en arrière-plan)",
      "",
      "Sur un portefeuille de 1 000 lauréats et 100 000 versements ; pendant l'import, une lecture à la fois de " +
        "`/api/health` et du portefeuille, toutes les 100 ms ; un second envoi du même fichier pendant le premier.",
      "",
      ...IMPORT_TABLE_HEADER,
      ...input.imported.map(importLine),
    );
  }
  out.push(...exportsSection(input.exportsUnderLoad));
  if (input.lighthouse.length > 0) {
    out.push(
      "",
      "### Lighthouse 12.2.3 (préréglage bureau, Chromium de Debian, taille demo)",
      "",
      "| Page | Performance | Accessibilité | Bonnes pratiques | Objectif (≥ 95, 100, ≥ 95) | Indice de vitesse de la machine |",
      "| --- | ---: | ---: | ---: | --- | ---: |",
    );
    for (const scores of input.lighthouse) {
      out.push(
        `| ${scores.name} (\`${scores.path}\`) | ${scores.performance} | ${scores.accessibility} | ${scores.bestPractices} | ${lighthouseVerdict(scores)} | ${scores.benchmarkIndex.toFixed(0)} |`,
      );
    }
    const failing = input.lighthouse.flatMap((scores) =>
      scores.failing.map((audit) => `${scores.name} — ${audit}`),
    );
    if (failing.length > 0)
      out.push("", "Audits en dessous du maximum :", "", ...failing.map((audit) => `- ${audit}`));
  }
  return `${out.join("\n")}\n`;
}
