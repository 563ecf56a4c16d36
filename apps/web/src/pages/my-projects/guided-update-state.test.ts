import { describe, expect, it } from "vitest";
import { followUpRows } from "../../features/progress/progress-fixtures";
import { nextProjectDue } from "./guided-update-state";

describe("nextProjectDue", () => {
  it("offers a project whose only due part is an indicator waiting for its measure", () => {
    // The Réunion laureate has no stale part, one late indicator.
    expect(nextProjectDue(followUpRows, "lab-interieur")?.laureateSlug).toBe("registre-reunion");
  });

  it("offers a project with a stale part, never the one just updated, and none when nothing is due", () => {
    expect(nextProjectDue(followUpRows, "registre-reunion")?.laureateSlug).toBe("lab-interieur");
    const nothingDue = followUpRows.map((row) => ({ ...row, staleParts: [], lateIndicators: [] }));
    expect(nextProjectDue(nothingDue, "lab-interieur")).toBeNull();
  });
});
