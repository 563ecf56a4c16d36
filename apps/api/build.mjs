// Bundles the API and its workspace packages (TypeScript sources) into one
// file (and the import's parse worker into another); npm dependencies stay external and load from node_modules at run time.
import { build } from "esbuild";

await build({
  // The parse of an imported extract runs in a worker thread: its own file, next to the server's.
  entryPoints: {
    index: "src/index.ts",
    "import-parse-worker": "src/imports/import-parse-worker.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
  plugins: [
    {
      name: "external-npm-packages",
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@defis/") ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
