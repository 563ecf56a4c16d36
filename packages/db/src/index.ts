export * from "./database.js";
export * from "./prepare.js";
export * as schema from "./schema/index.js";
export { DataFolderInUseError } from "./pglite-lock.js";
