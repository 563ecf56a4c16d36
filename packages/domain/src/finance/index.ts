export * from "./schemas.js";
export * from "./funding-rules.js";
