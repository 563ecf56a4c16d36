import type { LaureateImpact } from "@defis/domain";
import { mockProcedures } from "../../test/api-server";
import { laureateDetailFixture } from "../../test/fixtures";
import { takenDecision } from "../reviews/decision-fixtures";
import { followUpRows, laureateProgressFixture } from "./progress-fixtures";

/**
 * The procedures a laureate's Suivi tab and the guided update call, for
 * their tests: the Réunion laureate's follow-up, with `impact` as its
 * indicators, and what a test adds or replaces.
 */
export function serveFollowUp(
  impact: LaureateImpact,
  extra: Record<string, (input: unknown) => unknown> = {},
): void {
  mockProcedures({
    "programme.overview": () => null,
    "laureates.bySlug": () => laureateDetailFixture,
    "progress.forLaureate": () => laureateProgressFixture,
    "progress.myProjects": () => ({ rows: followUpRows, staleAfterDays: 30 }),
    "reviews.laureateDecisions": () => [takenDecision],
    "impact.forLaureate": () => impact,
    ...extra,
  });
}
