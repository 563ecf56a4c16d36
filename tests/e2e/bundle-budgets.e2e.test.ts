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
const ENTRY_BUDGET = 170 * KIB;
const ALL_JAVASCRIPT_BUDGET = 350 * KIB;

const dist = join(WEB_INDEX, "..");
const assets = join(dist, "assets");
const html = readFileSync(WEB_INDEX, "utf8");

function gzipped(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

function entryChunk(): string {
  const match = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html);
  if (!match?.[1]) throw new Error("Script d'entrée introuvable dans index.html");
  return join(assets, match[1]);
}

describe("the web app's weight", () => {
  it(`keeps the entry chunk under ${ENTRY_BUDGET / KIB} KiB gzip`, () => {
    expect(gzipped(entryChunk())).toBeLessThanOrEqual(ENTRY_BUDGET);
  });

  it(`keeps all JavaScript under ${ALL_JAVASCRIPT_BUDGET / KIB} KiB gzip`, () => {
    const total = readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .reduce((sum, file) => sum + gzipped(join(assets, file)), 0);
    expect(total).toBeLessThanOrEqual(ALL_JAVASCRIPT_BUDGET);
  });

  it("keeps recharts out of the entry chunk", () => {
    const map = JSON.parse(readFileSync(`${entryChunk()}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.length).toBeGreaterThan(10);
    expect(map.sources.filter((source) => source.includes("/recharts/"))).toEqual([]);
  });

  it("ships the design system's CSS once, as a static file", () => {
    expect(html.match(/dsfr\.min\.css/g)).toHaveLength(1);
    const bundledCss = readdirSync(assets).filter((file) => file.endsWith(".css"));
    for (const file of bundledCss) {
      expect(readFileSync(join(assets, file), "utf8"), file).not.toContain(".fr-btn");
    }
  });
});
