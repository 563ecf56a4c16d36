import type { Database, Executor } from "@defis/db";
import type { Actor } from "./audit/record-audit.js";
import { once } from "./finance/idempotency.js";

/** What a mutation's resolver needs of tRPC's call: the context once the policy passed, the input, the path. */
interface MutationCall<Input> {
  ctx: { db: Database; actor: Actor };
  input: Input;
  path: string;
}

/** Changes data in the caller's transaction and records its audit event there. */
type Command<Input, Result> = (tx: Executor, actor: Actor, input: Input) => Promise<Result>;

/**
 * The resolver of a mutation: its command runs in one transaction, so that
 * the change and its audit event are kept, or neither.
 */
export function inTransaction<Input, Result>(command: Command<Input, Result>) {
  return ({ ctx, input }: MutationCall<Input>): Promise<Result> =>
    ctx.db.transaction((tx) => command(tx, ctx.actor, input));
}

/**
 * Like `inTransaction`, once per idempotency key: the key is claimed in the
 * same transaction, under the procedure's path ("finance.recordPayment"), so
 * that the label cannot drift from the procedure it protects. The command's
 * result must be plain JSON: a retry receives it as stored.
 */
export function idempotentInTransaction<Input extends { idempotencyKey: string }, Result>(
  command: Command<Input, Result>,
) {
  return ({ ctx, input, path }: MutationCall<Input>): Promise<Result> =>
    ctx.db.transaction((tx) => {
      const { idempotencyKey, ...payload } = input;
      const request = { key: idempotencyKey, procedure: path, userId: ctx.actor.userId ?? 0, payload };
      return once(tx, request, () => command(tx, ctx.actor, input));
    });
}
