export * from "./database.js";
export * from "./prepare.js";
export * as schema from "./schema/index.js";
export { hasDemoData, DEMO_SEED } from "./seed/demo.js";
export { DataFolderInUseError } from "./pglite-lock.js";
