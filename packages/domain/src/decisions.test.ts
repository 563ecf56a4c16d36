import { describe, expect, it } from "vitest";
import { decisionStanding, recordDecisionSchema, updateDecisionStatusSchema } from "./decisions.js";

describe("decisions of the reviews", () => {
  it("reads a decision in progress after its due day as late, on the day it is shown for", () => {
    expect(decisionStanding("en_cours", "2026-03-31", "2026-03-31")).toBe("en_cours");
    expect(decisionStanding("en_cours", "2026-03-31", "2026-04-01")).toBe("en_retard");
    expect(decisionStanding("faite", "2026-03-31", "2026-06-30")).toBe("faite");
    expect(decisionStanding("abandonnee", "2026-03-31", "2026-06-30")).toBe("abandonnee");
  });

  it("refuses a laureate named twice and an abandonment without its reason, in French", () => {
    const decision = recordDecisionSchema.safeParse({
      reviewId: 1,
      text: "Vérifier l'échéancier",
      owner: "Direction",
      dueOn: "2026-04-30",
      laureateSlugs: ["dggn-lab-innovation", "dggn-lab-innovation"],
    });
    expect(decision.error?.issues[0]?.message).toBe("Un lauréat est cité deux fois.");
    const status = updateDecisionStatusSchema.safeParse({
      decisionId: 1,
      reviewId: 2,
      version: 1,
      status: "abandonnee",
      note: "  ",
    });
    expect(status.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["note", "Indiquez pourquoi la décision est abandonnée (5 caractères au moins)."],
    ]);
  });
});
