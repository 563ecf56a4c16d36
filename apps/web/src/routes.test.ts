import { describe, expect, it } from "vitest";
import { landingPathFor } from "./routes";

describe("landingPathFor", () => {
  it("sends the direction to its dashboard, sponsors to their projects, the others to the portfolio", () => {
    expect(landingPathFor("direction")).toBe("/pilotage");
    expect(landingPathFor("sponsor")).toBe("/mes-projets");
    expect(landingPathFor("charge_mission")).toBe("/");
  });
});
