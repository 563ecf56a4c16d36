import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Only the API's tRPC layer knows tRPC on the server side: commands throw domain errors. */
const trpcServerOutsideItsLayer = {
  name: "@trpc/server",
  message:
    "Seule la couche tRPC de l'API (trpc.ts, router.ts, *.router.ts, app.ts) importe @trpc/server : lancez une erreur de @defis/domain (Refusal, NotFound, StaleVersion).",
};
/** The web app knows the API by its types only: no server code in the bundle. */
const apiValuesInTheWeb = {
  name: "@defis/api",
  allowTypeImports: true,
  message:
    "L'application web n'importe de l'API que des types : `import type { AppRouter } from \"@defis/api\"`.",
};
const TRPC_LAYER = [
  "apps/api/src/trpc.ts",
  "apps/api/src/router.ts",
  "apps/api/src/**/*.router.ts",
  "apps/api/src/**/*.router.test.ts",
  "apps/api/src/app.ts",
];
/** Reading the environment: env.ts validates it once; CLIs, tests, scripts and build configs read their own. */
const ENVIRONMENT_READERS = [
  "apps/api/src/env.ts",
  "packages/db/src/cli/**",
  "packages/db/src/testing.ts",
  "tests/**",
  "bench/**",
  "**/*.test.ts",
  "**/*.config.{ts,js,mjs}",
  "**/*.mjs",
];

export default tseslint.config(
  {
    ignores: ["**/dist/", "**/node_modules/", "**/.data/", "apps/web/public/", "coverage/"],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [trpcServerOutsideItsLayer] }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Seul apps/api/src/env.ts lit process.env : ajoutez-y la variable et passez sa valeur.",
        },
      ],
    },
  },
  {
    files: TRPC_LAYER,
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    files: ENVIRONMENT_READERS,
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [trpcServerOutsideItsLayer, apiValuesInTheWeb] },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
