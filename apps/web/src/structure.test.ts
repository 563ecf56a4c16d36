import { describe, expect, it } from "vitest";

const pageFiles = import.meta.glob<string>("./pages/**/*.{ts,tsx}", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The page folder a path lies in ("./pages/home/HomePage.tsx" → "home"), if any. */
function pageOf(path: string): string | undefined {
  return /^\.\/pages\/([^/]+)\//.exec(path)?.[1];
}

/** Resolves a relative import against the importing file, as "./pages/…" paths. */
function resolve(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/") + "/";
}

describe("the web app's folders (ARCHITECTURE.md, « où va quoi »)", () => {
  it("keeps each page to its own folder: what two pages share lives in features/ or components/", () => {
    expect(Object.keys(pageFiles).length).toBeGreaterThan(20);
    const crossings = Object.entries(pageFiles).flatMap(([path, source]) =>
      [...source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)]
        .map((match) => match[1] ?? "")
        .filter((specifier) => {
          const target = pageOf(resolve(path, specifier));
          return target !== undefined && target !== pageOf(path);
        })
        .map((specifier) => `${path} → ${specifier}`),
    );
    expect(crossings).toEqual([]);
  });
});
