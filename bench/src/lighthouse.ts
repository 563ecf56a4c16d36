import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The pages the issue names, one line each in docs/benchmarks.md. */
export const AUDITED_PAGES: { name: string; path: string }[] = [
  { name: "Accueil (portefeuille)", path: "/" },
  { name: "Fiche d'un lauréat", path: "/laureats/prevention-perte-autonomie" },
  { name: "Tableau de bord de la direction", path: "/pilotage" },
];

export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface LighthouseScores {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Lighthouse's own measure of the machine's speed (about 1 000 and more on a usual desktop). */
  benchmarkIndex: number;
  /** Audits below 1 in accessibility and best practices, and the worst performance metrics, to explain a miss. */
  failing: string[];
}

/** Lighthouse 12 (desktop preset) in Debian's Chromium, the session cookie sent with every request. */
export async function auditPages(baseUrl: string, cookie: string): Promise<LighthouseScores[]> {
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const userDataDir = await mkdtemp(join(tmpdir(), "defis-lighthouse-"));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, userDataDir });
  try {
    const scores: LighthouseScores[] = [];
    for (const page of AUDITED_PAGES) {
      const result = await lighthouse(
        `${baseUrl}${page.path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          extraHeaders: { Cookie: cookie },
        },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${page.path}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failing = ["accessibility", "best-practices", "performance"].flatMap((id) =>
        (categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < (id === "performance" ? 0.9 : 1))
          .map((audit) => `${id}: ${audit?.id ?? "?"} (${audit?.displayValue ?? audit?.score ?? ""})`),
      );
      scores.push({
        ...page,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        benchmarkIndex: result.lhr.environment.benchmarkIndex,
        failing,
      });
    }
    return scores;
  } finally {
    chrome.kill();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
