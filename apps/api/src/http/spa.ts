import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";
import { precompressed } from "./precompressed.js";

const IMMUTABLE = "public, max-age=31536000, immutable";
const ONE_HOUR = "public, max-age=3600";

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
  spa.use("/assets", precompressed(join(webDist, "assets"), IMMUTABLE));
  spa.use(
    "/assets",
    express.static(join(webDist, "assets"), {
      immutable: true,
      maxAge: "365d",
      index: false,
      fallthrough: false,
    }),
  );
  spa.use(precompressed(webDist, ONE_HOUR));
  spa.use(express.static(webDist, { index: false, maxAge: "1h" }));
  spa.get(/^\/(?!api\/|api$|trpc\/|trpc$|auth\/|auth$).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
  return spa;
}
