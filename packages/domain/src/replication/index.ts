export * from "./score.js";
export * from "./assets.js";
export * from "./closure.js";
export * from "./adoptions.js";
export * from "./suggestions.js";
export * from "./outputs.js";
