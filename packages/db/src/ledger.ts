/**
 * The envelope's ledger: the only code that changes allocations and paid
 * amounts. Each function runs inside the caller's transaction and keeps the
 * invariants with conditional updates or checks made under a row lock, which
 * PostgreSQL serialises even when many requests race:
 *   reserve + Σ allocations = envelope   (programme.allocated_cents)
 *   0 ≤ Σ payments ≤ allocation          (allocation.paid_cents)
 *   a payment pays a tranche (payTranches) or says why it is outside the
 *   schedule (recordPaymentsOutsideSchedule); see ledger-invariants.ts
 * CHECK constraints back both: no code path can break them.
 * Lock order: a writer that touches a laureate's allocation and its tranches
 * locks the allocation first (lockedAllocation), then the tranches, so that
 * the tranche step, the import, a schedule saved and a reversal never wait
 * for one another in a cycle.
 */
export { LedgerRefusal, lockedAllocation, lockedAllocations, type LedgerActor } from "./ledger-core.js";
export * from "./ledger-allocations.js";
export * from "./ledger-payments.js";
export { scheduleLedgerBreaches } from "./ledger-invariants.js";
