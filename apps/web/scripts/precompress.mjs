// Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the
// built app, once at build time, so the server sends compressed bytes without
// compressing on every request (see apps/api/src/http/precompressed.ts).
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const COMPRESSIBLE = /\.(?:js|css|html|json|svg|webmanifest|txt)$/;
// Below this size the headers cost more than compression saves.
const MIN_BYTES = 1024;

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for await (const path of files(DIST)) {
  if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue;
  const content = await readFile(path);
  await writeFile(
    `${path}.br`,
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }));
  count += 1;
}
console.log(`precompress: ${count} fichiers compressés (Brotli et gzip) dans dist/`);
