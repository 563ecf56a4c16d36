import { formatCents, Refusal } from "@defis/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "./database.js";
import { allocations, laureates, programmes } from "./schema/index.js";

/** A money rule refuses the change; one case of the general refusal, in French for the user. */
export class LedgerRefusal extends Refusal {
  constructor(message: string) {
    super(message, "conflict");
    this.name = "LedgerRefusal";
  }
}

export interface LedgerActor {
  userId: number | null;
  isDemo?: boolean;
}

export async function laureateOf(db: Executor, laureateId: number) {
  const [laureate] = await db
    .select({ id: laureates.id, programmeId: laureates.programmeId })
    .from(laureates)
    .where(eq(laureates.id, laureateId));
  if (!laureate) throw new LedgerRefusal("Ce lauréat n'existe pas.");
  return laureate;
}

/** The allocations of these laureates, locked in laureate order: two writers can never deadlock. */
export function lockedAllocations(db: Executor, laureateIds: number[]) {
  return db
    .select({
      laureateId: allocations.laureateId,
      amountCents: allocations.amountCents,
      paidCents: allocations.paidCents,
    })
    .from(allocations)
    .where(inArray(allocations.laureateId, laureateIds))
    .orderBy(asc(allocations.laureateId))
    .for("update");
}

export async function lockedAllocation(db: Executor, laureateId: number) {
  const [allocation] = await lockedAllocations(db, [laureateId]);
  return allocation ?? null;
}

/** Moves `deltaCents` between the reserve and the allocations, refusing to exceed the envelope. */
export async function drawOnReserve(db: Executor, programmeId: number, deltaCents: number): Promise<void> {
  const [updated] = await db
    .update(programmes)
    .set({ allocatedCents: sql`${programmes.allocatedCents} + ${deltaCents}` })
    .where(
      and(
        eq(programmes.id, programmeId),
        sql`${programmes.allocatedCents} + ${deltaCents} <= ${programmes.envelopeCents}`,
        sql`${programmes.allocatedCents} + ${deltaCents} >= 0`,
      ),
    )
    .returning({ allocatedCents: programmes.allocatedCents });
  if (!updated) {
    const [programme] = await db
      .select({
        reserve: sql<number>`${programmes.envelopeCents} - ${programmes.allocatedCents}`.mapWith(Number),
      })
      .from(programmes)
      .where(eq(programmes.id, programmeId));
    throw new LedgerRefusal(
      `L'enveloppe ne suffit pas : la réserve non allouée est de ${formatCents(programme?.reserve ?? 0)}.`,
    );
  }
}
