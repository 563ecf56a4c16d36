import type { Executor } from "@defis/db";
import { Refusal } from "@defis/domain";
import { schema } from "@defis/db";
import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";

const { idempotencyKeys } = schema;

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/**
 * Runs a money mutation once per idempotency key. The key is claimed first,
 * inside the mutation's transaction: a concurrent retry waits on it, then
 * finds the stored answer. The same key with another payload is refused.
 * `run` must return plain JSON (it is stored and replayed as is).
 */
export async function once<Result>(
  db: Executor,
  request: { key: string; procedure: string; userId: number; payload: unknown },
  run: () => Promise<Result>,
): Promise<Result> {
  const requestHash = hashOf({ procedure: request.procedure, payload: request.payload });
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({
      key: request.key,
      procedure: request.procedure,
      userId: request.userId,
      requestHash,
      response: {},
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const [first] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, request.key));
    if (!first || first.requestHash !== requestHash || first.userId !== request.userId) {
      throw new Refusal(
        "Cette clé d'idempotence a déjà servi pour une autre opération : rechargez la page et recommencez.",
      );
    }
    return first.response as Result;
  }
  const result = await run();
  await db.update(idempotencyKeys).set({ response: result }).where(eq(idempotencyKeys.key, request.key));
  return result;
}
