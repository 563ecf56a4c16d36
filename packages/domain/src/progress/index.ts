export * from "./vocabulary.js";
export * from "./health.js";
export * from "./schemas.js";
export * from "./outputs.js";
export * from "./comment-authorship.js";
export * from "./weather-state.js";
