export * from "./schemas.js";
export * from "./funding-rules.js";
export * from "./step-preconditions.js";
