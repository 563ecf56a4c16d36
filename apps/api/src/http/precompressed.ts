import { readdirSync } from "node:fs";
import { extname, join, normalize, relative, sep } from "node:path";
import type { RequestHandler } from "express";

/** Encodings written by apps/web/scripts/precompress.mjs, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function accepted(header: string | undefined, encoding: string): boolean {
  return (header ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().split(";");
    const refused = params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param));
    return name?.trim() === encoding && !refused;
  });
}

/** The file a URL path names under base, or null if it escapes base or is not valid percent-encoding. */
function localFile(base: string, urlPath: string): string | null {
  try {
    const file = normalize(join(base, decodeURIComponent(urlPath)));
    return file.startsWith(base) ? file : null;
  } catch {
    return null;
  }
}

/** Every compressed copy under base, listed once: the build does not change while the process runs. */
function compressedCopies(base: string): Set<string> {
  const suffixes = ENCODINGS.map(({ suffix }) => suffix);
  return new Set(
    readdirSync(base, { recursive: true, encoding: "utf8" })
      .filter((name) => suffixes.some((suffix) => name.endsWith(suffix)))
      .map((name) => join(base, name)),
  );
}

/**
 * Sends the build's compressed copy of a static file when the browser accepts
 * it (the DSFR stylesheet is 600 kB raw, 51 kB in Brotli). Files without a copy,
 * and browsers that accept neither encoding, fall through to express.static.
 */
export function precompressed(root: string, cacheControl: string): RequestHandler {
  const base = normalize(root + sep);
  const copies = compressedCopies(base);
  return (req, res, next) => {
    const contentType = CONTENT_TYPES[extname(req.path)];
    const file = contentType ? localFile(base, req.path) : null;
    if ((req.method !== "GET" && req.method !== "HEAD") || !contentType || !file) {
      next();
      return;
    }
    const encoding = ENCODINGS.find(
      ({ name, suffix }) => accepted(req.headers["accept-encoding"], name) && copies.has(file + suffix),
    );
    res.vary("Accept-Encoding");
    if (!encoding) {
      next();
      return;
    }
    res.setHeader("Content-Type", contentType);
    res.setHeader("Content-Encoding", encoding.name);
    res.setHeader("Cache-Control", cacheControl);
    // Relative to root, so that only dot folders inside the build are refused, not those above it.
    res.sendFile(relative(base, file) + encoding.suffix, { root: base, cacheControl: false }, (error) => {
      if (error) next(error);
    });
  };
}
