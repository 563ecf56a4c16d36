import { describe, expect, it } from "vitest";
import { isWeatherStale, periodLastDay, WEATHER_STATE_KEYS, weatherStateOn } from "./weather-state.js";

describe("the météo of a laureate on a day", () => {
  it("lists the states best first, then the stale and the missing ones", () => {
    expect(WEATHER_STATE_KEYS).toEqual(["soleil", "nuage", "couvert", "orage", "perimee", "sans_meteo"]);
  });

  it("keeps the latest declared level while its period ended no more than the frequency ago", () => {
    expect(periodLastDay("2024-02")).toBe("2024-02-29");
    expect(weatherStateOn({ period: "2026-10", level: "orage" }, "2026-11-30", 30)).toBe("orage");
    expect(isWeatherStale("2026-10", "2026-11-30", 30)).toBe(false);
  });

  it("says « périmée » once the period ended longer ago than the frequency, « sans météo » without any", () => {
    expect(weatherStateOn({ period: "2026-10", level: "soleil" }, "2026-12-01", 30)).toBe("perimee");
    expect(weatherStateOn({ period: "2026-10", level: "soleil" }, "2026-12-01", 31)).toBe("soleil");
    expect(weatherStateOn(null, "2026-12-01", 30)).toBe("sans_meteo");
  });
});
