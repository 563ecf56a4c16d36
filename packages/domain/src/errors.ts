/**
 * What a command throws when it cannot do what was asked. Plain errors, so
 * that the ledger in packages/db and the API's commands share them without
 * knowing of tRPC: apps/api/src/trpc.ts maps them to tRPC codes in one place.
 */

/**
 * How a refusal answers: the request conflicts with the state of the data,
 * is invalid as asked, waits for a condition still unmet, or touches what
 * belongs to someone else (a sponsor rewording an officer's comment).
 */
export type RefusalKind = "conflict" | "invalid" | "precondition" | "forbidden";

/** A business rule refuses the action; the message, in French, tells the user why. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly kind: RefusalKind = "conflict",
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** What the request names does not exist (or no longer does). */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFound";
  }
}

export const STALE_VERSION_MESSAGE =
  "Ces informations ont été modifiées entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis recommencez.";

/** An edit made on an older version, with the record as it stands now for the user to reapply. */
export class StaleVersion extends Error {
  constructor(
    readonly current: Record<string, unknown>,
    message = STALE_VERSION_MESSAGE,
  ) {
    super(message);
    this.name = "StaleVersion";
  }
}

/** Throws NotFound; reads well after `??`: `row ?? notFound("…")`. */
export function notFound(message: string): never {
  throw new NotFound(message);
}

/** Throws StaleVersion with the record as it stands now. */
export function staleVersion(current: Record<string, unknown>, message?: string): never {
  throw new StaleVersion(current, message);
}
