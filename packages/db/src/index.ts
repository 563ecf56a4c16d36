export * from "./database.js";
export * from "./prepare.js";
export * as schema from "./schema/index.js";
export { DataFolderInUseError } from "./pglite-lock.js";
export * from "./passwords.js";
export { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD } from "./seed/demo-accounts.js";
export * from "./ledger.js";
export { readTogether } from "./read-together.js";
