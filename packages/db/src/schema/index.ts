export * from "./programme.js";
export * from "./laureates.js";
export * from "./allocations.js";
