import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";
import { precompressed } from "./precompressed.js";

/** How long a browser keeps a file; stated once for the compressed copies and express.static. */
interface CachePolicy {
  maxAgeSeconds: number;
  immutable: boolean;
}

/** Hashed names change with the content: kept a year, never revalidated. */
const HASHED_ASSETS: CachePolicy = { maxAgeSeconds: 365 * 24 * 3600, immutable: true };
const OTHER_FILES: CachePolicy = { maxAgeSeconds: 3600, immutable: false };

function cacheControl({ maxAgeSeconds, immutable }: CachePolicy): string {
  return `public, max-age=${maxAgeSeconds}${immutable ? ", immutable" : ""}`;
}

function staticOptions({ maxAgeSeconds, immutable }: CachePolicy) {
  return { maxAge: maxAgeSeconds * 1000, immutable, index: false as const };
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else
 * revalidated, compressed copies from the build where the browser
 * takes them, and index.html for any other GET so client routes survive a
 * reload. Unknown /api, /auth and /trpc paths are left to their 404.
 */
export function spaRouter(webDist: string): Router | null {
  const indexHtml = join(webDist, "index.html");
  if (!existsSync(indexHtml)) return null;
  const spa = express.Router();
  const assets = join(webDist, "assets");
  spa.use("/assets", precompressed(assets, cacheControl(HASHED_ASSETS)));
  spa.use("/assets", express.static(assets, { ...staticOptions(HASHED_ASSETS), fallthrough: false }));
  spa.use(precompressed(webDist, cacheControl(OTHER_FILES)));
  spa.use(express.static(webDist, staticOptions(OTHER_FILES)));
  spa.get(/^\/(?!api\/|api$|trpc\/|trpc$|auth\/|auth$).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
  return spa;
}
