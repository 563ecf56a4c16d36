export * from "./vocabulary.js";
export * from "./rules.js";
export * from "./schemas.js";
export * from "./outputs.js";
export * from "./portfolio.js";
