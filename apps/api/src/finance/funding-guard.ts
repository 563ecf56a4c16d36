import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  moneyStepRefusal,
  Refusal,
  type FundingFacts,
  type FundingModeKey,
  type MoneyStep,
} from "@defis/domain";
import { eq } from "drizzle-orm";

const { fundingRecords, laureates } = schema;

/** A laureate's funding mode and the facts its rules read. */
export async function fundingOf(
  db: Executor,
  laureateId: number,
): Promise<{ mode: FundingModeKey; facts: FundingFacts | null }> {
  const [row] = await db
    .select({
      mode: laureates.fundingMode,
      conventionDate: fundingRecords.conventionDate,
      ejNumber: fundingRecords.ejNumber,
    })
    .from(laureates)
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.id, laureateId));
  if (!row) return { mode: "non-precise", facts: null };
  return {
    mode: row.mode as FundingModeKey,
    facts: { conventionDate: row.conventionDate, ejNumber: row.ejNumber },
  };
}

/**
 * Refuses a money step that the laureate's funding mode does not allow yet
 * (`moneyStepRefusal`): the same rule for the tranche steps and the payment
 * outside the schedule; the import applies it row by row.
 */
export async function refuseMoneyStep(
  db: Executor,
  laureateId: number,
  step: MoneyStep,
  reference: string | null | undefined,
): Promise<void> {
  const { mode, facts } = await fundingOf(db, laureateId);
  const refusal = moneyStepRefusal(step, mode, facts, reference);
  if (refusal) throw new Refusal(refusal, "precondition");
}
