import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { WEB_INDEX } from "./support/paths";

/**
 * Weight budgets of the built web app, for an agent on a weak laptop. Sizes
 * are deterministic for a given build, so a test can hold them; speed is left
 * to the benchmarks.
 */
const KIB = 1024;
const ENTRY_BUDGET = 180 * KIB;
/**
 * What one page makes the browser download: the entry, the page and what they
 * import. 350 KiB until the detailed sections of /pilotage (recharts, 135 KiB)
 * passed it by 2 KiB once the entry carried the domain's rules for the
 * decisions, the forecast and the one météo: 360 KiB (docs/benchmarks.md).
 */
const PAGE_BUDGET = 360 * KIB;
/**
 * Every chunk of the app added up. The issue asked for 350 KiB; recharts,
 * which the stack prescribes for the dashboard and the reviews, weighs about
 * 137 KiB gzip on its own, and no page loads every chunk: the gap is written
 * down in docs/benchmarks.md, and this budget stops it from growing. Raised
 * from 460 KiB for the reviews' decisions (about 6 KiB: their forms and list)
 * and the synthesis of /pilotage, its forecast and the programme's calendar
 * form (about 7 KiB): 480 KiB. Raised to 512 KiB for impact indicators (issue #19, about 24 KiB
 * in all): the laureate's Impact tab with its forms and chart, the guided update's step, impact on
 * /pilotage and in the reviews, the catalogue of common indicators and the measure import page.
 */
const ALL_JAVASCRIPT_BUDGET = 512 * KIB;

const dist = join(WEB_INDEX, "..");
const assets = join(dist, "assets");
const html = readFileSync(WEB_INDEX, "utf8");

/** Vite's manifest: each chunk with the chunks it imports statically and dynamically. */
interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<
  string,
  ManifestChunk
>;

function gzipped(file: string): number {
  return gzipSync(readFileSync(join(dist, file))).length;
}

function entryKey(): string {
  const [key] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];
  if (!key) throw new Error("Script d'entrée introuvable dans le manifeste de Vite");
  return key;
}

/** The JavaScript files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

/** The design system's own script, which the entry loads at start on every page. */
function designSystemScript(): string[] {
  const scripts = Object.values(manifest).filter(
    (chunk) => chunk.isDynamicEntry && chunk.name === "dsfr.module",
  );
  expect(scripts).toHaveLength(1);
  return scripts.map((chunk) => chunk.file);
}

function pageWeight(pageKey: string): number {
  const files = new Set([...staticClosure(entryKey()), ...designSystemScript()]);
  for (const file of staticClosure(pageKey)) files.add(file);
  return [...files].reduce((sum, file) => sum + gzipped(file), 0);
}

/** The pages, and the laureate page's tabs, which load on their own. */
const pages = Object.entries(manifest).filter(
  ([, chunk]) => chunk.isDynamicEntry && /^src\/(?:pages|features)\//.test(chunk.src ?? ""),
);

describe("the web app's weight", () => {
  it(`keeps the entry chunk under ${ENTRY_BUDGET / KIB} KiB gzip`, () => {
    expect(html).toContain(`src="/${manifest[entryKey()]?.file}"`);
    expect(gzipped(manifest[entryKey()]?.file ?? "")).toBeLessThanOrEqual(ENTRY_BUDGET);
  });

  it(`keeps what each page loads under ${PAGE_BUDGET / KIB} KiB gzip`, () => {
    expect(pages.length).toBeGreaterThan(15);
    const weights = Object.fromEntries(pages.map(([key, chunk]) => [chunk.src ?? key, pageWeight(key)]));
    const over = Object.entries(weights).filter(([, weight]) => weight > PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it(`keeps all JavaScript under ${ALL_JAVASCRIPT_BUDGET / KIB} KiB gzip`, () => {
    const total = readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .reduce((sum, file) => sum + gzipped(join("assets", file)), 0);
    expect(total).toBeLessThanOrEqual(ALL_JAVASCRIPT_BUDGET);
  });

  it("keeps recharts out of the entry chunk and of the pages without charts", () => {
    const entryFiles = staticClosure(entryKey());
    const withRecharts = Object.values(manifest)
      .filter((chunk) => chunk.file.endsWith(".js"))
      .filter((chunk) => {
        const map = JSON.parse(readFileSync(join(dist, `${chunk.file}.map`), "utf8")) as {
          sources: string[];
        };
        return map.sources.some((source) => source.includes("/recharts/"));
      })
      .map((chunk) => chunk.file);
    expect(withRecharts.length).toBeGreaterThan(0);
    for (const file of withRecharts) expect(entryFiles.has(file), file).toBe(false);
    const home = pages.find(([, chunk]) => chunk.src === "src/pages/home/HomePage.tsx");
    expect(home).toBeDefined();
    const homeFiles = staticClosure(home?.[0] ?? "");
    for (const file of withRecharts) expect(homeFiles.has(file), file).toBe(false);
  });

  it("ships the design system's CSS once, as a static file", () => {
    expect(html.match(/dsfr\.min\.css/g)).toHaveLength(1);
    const bundledCss = readdirSync(assets).filter((file) => file.endsWith(".css"));
    for (const file of bundledCss) {
      // The design system's button rule, not a class of ours that starts the same (.fr-btns-group).
      expect(readFileSync(join(assets, file), "utf8"), file).not.toMatch(/\.fr-btn(?![-\w])/);
    }
  });

  it("ships a Brotli and a gzip copy of each script and stylesheet, for the server to send", () => {
    const shipped = [
      ...readdirSync(assets).map((file) => join("assets", file)),
      join("dsfr", "dsfr.min.css"),
    ].filter((file) => /\.(?:js|css)$/.test(file) && readFileSync(join(dist, file)).length >= KIB);
    expect(shipped.length).toBeGreaterThan(20);
    const files = new Set([
      ...readdirSync(assets).map((file) => join("assets", file)),
      ...readdirSync(join(dist, "dsfr")).map((file) => join("dsfr", file)),
    ]);
    const missing = shipped.filter((file) => !files.has(`${file}.br`) || !files.has(`${file}.gz`));
    expect(missing).toEqual([]);
  });
});
