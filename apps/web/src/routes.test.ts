import { matchPath } from "react-router";
import { describe, expect, it } from "vitest";
import { landingPathFor, ROUTE_PATTERNS, ROUTES } from "./routes";

describe("landingPathFor", () => {
  it("sends the direction to its dashboard, sponsors to their projects, the others to the portfolio", () => {
    expect(landingPathFor("direction")).toBe("/pilotage");
    expect(landingPathFor("sponsor")).toBe("/mes-projets");
    expect(landingPathFor("charge_mission")).toBe("/");
  });
});

describe("ROUTE_PATTERNS", () => {
  // A slug the builders must encode: a slash in it stays in its one segment.
  const slug = "défi été/2021";
  const slugIn = (path: string, pattern: string) => {
    const [pathname = ""] = path.split("?");
    const encoded = matchPath(pattern, pathname)?.params.slug;
    return encoded === undefined ? undefined : decodeURIComponent(encoded);
  };

  it("matches what each builder writes, and gives its parameter back", () => {
    expect(slugIn(ROUTES.laureate(slug), ROUTE_PATTERNS.laureate)).toBe(slug);
    expect(slugIn(ROUTES.guidedUpdate(slug), ROUTE_PATTERNS.guidedUpdate)).toBe(slug);
    expect(matchPath(ROUTE_PATTERNS.review, ROUTES.review(42))?.params).toEqual({ id: "42" });
  });

  it("matches the laureate page's tabs, which are a query on the same path", () => {
    for (const tab of [ROUTES.laureateFinances, ROUTES.laureateProgress, ROUTES.laureateReplication])
      expect(slugIn(tab(slug), ROUTE_PATTERNS.laureate)).toBe(slug);
  });
});
