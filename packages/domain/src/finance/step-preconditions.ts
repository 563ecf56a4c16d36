import type { FundingModeKey } from "../laureate.js";
import { commitmentRefusal, type FundingFacts } from "./funding-rules.js";
import type { TrancheStatus } from "./schemas.js";

/**
 * Why a tranche cannot take a step yet, in French, or null. The server
 * refuses with the same messages, and the schedule shows them beside the
 * disabled button, so that no step is offered only to be refused: a money
 * step without the commitment its funding mode requires, a service fait
 * before its milestone. (The reference a paid transfer needs is asked in the
 * step's form itself.)
 */
export function trancheStepRefusal(
  to: TrancheStatus,
  gatingMilestone: { title: string; reached: boolean } | null,
  funding?: FundingFacts & { fundingMode: FundingModeKey },
): string | null {
  if (funding && to !== "annule") {
    const uncommitted = commitmentRefusal(funding.fundingMode, funding);
    if (uncommitted) return uncommitted;
  }
  if (to === "service_fait" && gatingMilestone && !gatingMilestone.reached) {
    return `Cette tranche attend le jalon « ${gatingMilestone.title} » : le service fait ne peut être constaté qu'une fois ce jalon atteint.`;
  }
  return null;
}
