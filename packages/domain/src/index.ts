export * from "./labels.js";
export * from "./money.js";
export * from "./territory.js";
export * from "./laureate.js";
export * from "./programme.js";
export * from "./accounts.js";
export * from "./roles.js";
export * from "./audit.js";
