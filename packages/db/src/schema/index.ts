export * from "./programme.js";
export * from "./laureates.js";
export * from "./allocations.js";
export * from "./accounts.js";
export * from "./audit.js";
export * from "./finance.js";
export * from "./replication.js";
