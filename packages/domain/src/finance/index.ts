export * from "./schemas.js";
export * from "./funding-rules.js";
export * from "./schedule-gap.js";
export * from "./money-figures.js";
export * from "./lifecycle.js";
export * from "./payment-kinds.js";
export * from "./step-preconditions.js";
export * from "./forecast.js";
