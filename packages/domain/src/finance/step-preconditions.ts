import type { TrancheStatus } from "./schemas.js";

/**
 * Why a tranche cannot take a step yet, in French, or null. The server
 * refuses with it and the schedule shows it beside the disabled button, so
 * that no step is offered only to be refused.
 */
export function trancheStepRefusal(
  to: TrancheStatus,
  gatingMilestone: { title: string; reached: boolean } | null,
): string | null {
  if (to === "service_fait" && gatingMilestone && !gatingMilestone.reached) {
    return `Cette tranche attend le jalon « ${gatingMilestone.title} » : le service fait ne peut être constaté qu'une fois ce jalon atteint.`;
  }
  return null;
}
