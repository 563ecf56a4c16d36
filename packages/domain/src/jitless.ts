import { config } from "zod";

/*
 * Imported first by the web app's entry, before any schema is built: zod
 * otherwise compiles its object parsers with `new Function` and probes for it
 * at start, which our Content Security Policy blocks and reports on every page.
 */
config({ jitless: true });
