// Bundles the API and its workspace packages (TypeScript sources) into one
// file; npm dependencies stay external and load from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
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
