import { describe, expect, it } from "vitest";
import { followingWeekRun, nextWeeklyRun, parisInstant, startOfWeek, weekOf } from "./weekly-schedule.js";

describe("weekly schedule, Monday 08:00 in Paris", () => {
  it("reads Paris wall-clock times in winter and in summer", () => {
    expect(parisInstant("2026-01-05", 8).toISOString()).toBe("2026-01-05T07:00:00.000Z");
    expect(parisInstant("2026-07-06", 8).toISOString()).toBe("2026-07-06T06:00:00.000Z");
  });

  it("finds the Monday of a week in Paris, not in UTC", () => {
    // Sunday 23:30 UTC is already Monday in Paris.
    expect(weekOf(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(weekOf(new Date("2026-11-22T22:30:00Z"))).toBe("2026-11-16");
    expect(weekOf(new Date("2026-11-29T12:00:00Z"))).toBe("2026-11-23");
    expect(startOfWeek(new Date("2026-11-25T12:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("crosses the spring change: the Monday after takes the summer offset", () => {
    // Clocks go forward on Sunday 29 March 2026.
    const friday = new Date("2026-03-27T10:00:00Z");
    expect(nextWeeklyRun(friday).toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(followingWeekRun(new Date("2026-03-23T07:00:00Z")).toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("crosses the autumn change: the Monday after takes the winter offset", () => {
    // Clocks go back on Sunday 25 October 2026.
    expect(followingWeekRun(new Date("2026-10-19T06:00:00Z")).toISOString()).toBe("2026-10-26T07:00:00.000Z");
    expect(nextWeeklyRun(new Date("2026-10-25T01:30:00Z")).toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });

  it("runs a new job this Monday if 08:00 is still ahead, otherwise next Monday", () => {
    expect(nextWeeklyRun(new Date("2026-11-23T06:59:00Z")).toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(nextWeeklyRun(new Date("2026-11-23T07:00:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    // A run late in the week, or early on Monday ahead of schedule, still moves to next week.
    expect(followingWeekRun(new Date("2026-11-26T15:00:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(followingWeekRun(new Date("2026-11-23T05:00:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
  });
});
