import { describe, expect, it } from "vitest";
import type { SecurityStats } from "../../../shared/generated/api";
import { adoptionSeries, countTicks, dailySeries, datesBetween, isQuiet, methodsInUse, shortDate, tickDates, total } from "./overviewSeries";

const none = { TOTP: 0, SMS: 0, EMAIL: 0, PASSKEY: 0 };

function stats(partial: Partial<SecurityStats>): SecurityStats {
  return { days: 3, from: "2026-11-28", to: "2026-11-30", timeZone: "UTC", people: 10, daily: [], adoption: [], ...partial };
}

describe("datesBetween", () => {
  it("lists every UTC day of the window, across a month's end", () => {
    expect(datesBetween("2026-11-29", "2026-12-02")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
  });
  it("has the one day of a one-day window", () => {
    expect(datesBetween("2026-11-30", "2026-11-30")).toEqual(["2026-11-30"]);
  });
});

describe("dailySeries", () => {
  it("takes each day's count of the type and fills the days the answer leaves out with 0", () => {
    const s = stats({
      daily: [
        { date: "2026-11-28", counts: { "auth.login_succeeded": 4, "auth.login_failed": 1 } },
        { date: "2026-11-30", counts: { "auth.login_succeeded": 2 } },
      ],
    });
    expect(dailySeries(s, "signIns")).toEqual([
      { x: "2026-11-28", y: 4 },
      { x: "2026-11-29", y: 0 },
      { x: "2026-11-30", y: 2 },
    ]);
    expect(total(dailySeries(s, "failedSignIns"))).toBe(1);
    expect(total(dailySeries(s, "lockouts"))).toBe(0);
  });
});

describe("adoptionSeries", () => {
  it("keeps the day before's count on a missing day, and starts from 0", () => {
    const s = stats({
      adoption: [
        { date: "2026-11-29", byMethod: { ...none, TOTP: 3 } },
      ],
    });
    expect(adoptionSeries(s, "TOTP").map((p) => p.y)).toEqual([0, 3, 3]);
  });
});

describe("methodsInUse and isQuiet", () => {
  it("shows only the methods someone had in the window", () => {
    const s = stats({ adoption: [{ date: "2026-11-30", byMethod: { ...none, PASSKEY: 1, TOTP: 2 } }] });
    expect(methodsInUse(s)).toEqual(["TOTP", "PASSKEY"]);
    expect(isQuiet(s)).toBe(false);
  });
  it("is quiet for a new realm, even with events the charts do not draw", () => {
    const s = stats({
      daily: [{ date: "2026-11-30", counts: { "policy.updated": 2 } }],
      adoption: [{ date: "2026-11-30", byMethod: none }],
    });
    expect(isQuiet(s)).toBe(true);
  });
  it("is not quiet with a single refused address", () => {
    expect(isQuiet(stats({ daily: [{ date: "2026-11-29", counts: { "auth.ip_denied": 1 } }] }))).toBe(false);
  });
});

describe("tickDates and shortDate", () => {
  it("spreads at most five ticks over thirty days, first and last included", () => {
    const dates = datesBetween("2026-11-01", "2026-11-30");
    expect(tickDates(dates)).toEqual(["2026-11-01", "2026-11-08", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(tickDates(dates.slice(0, 3))).toEqual(dates.slice(0, 3));
  });
  it("names the UTC day, not the browser's", () => {
    expect(shortDate("2026-11-01", "en-US")).toBe("Nov 1");
  });
});

describe("countTicks", () => {
  it("counts one by one up to four, from 0 to at least 1", () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
  });
  it("takes round steps for larger counts, reaching the largest", () => {
    expect(countTicks(9)).toEqual([0, 5, 10]);
    expect(countTicks(123)).toEqual([0, 50, 100, 150]);
    expect(countTicks(1000)).toEqual([0, 500, 1000]);
  });
});
