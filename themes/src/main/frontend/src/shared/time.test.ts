import { describe, expect, it } from "vitest";
import { dateTime, formatTime, relativeTime } from "./time";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe("relativeTime", () => {
  it("says now for anything under a minute, either way", () => {
    expect(relativeTime(ago(0), "en", NOW)).toBe("now");
    expect(relativeTime(ago(59), "en", NOW)).toBe("now");
    expect(relativeTime(ago(-30), "en", NOW)).toBe("now");
  });

  it("names the largest whole unit that has passed", () => {
    expect(relativeTime(ago(60), "en", NOW)).toBe("1 minute ago");
    expect(relativeTime(ago(5 * 60 + 59), "en", NOW)).toBe("5 minutes ago");
    expect(relativeTime(ago(3600), "en", NOW)).toBe("1 hour ago");
    expect(relativeTime(ago(2 * 24 * 3600), "en", NOW)).toBe("2 days ago");
    expect(relativeTime(ago(24 * 3600), "en", NOW)).toBe("yesterday");
    expect(relativeTime(ago(8 * 24 * 3600), "en", NOW)).toBe("last week");
    expect(relativeTime(ago(61 * 24 * 3600), "en", NOW)).toBe("2 months ago");
    expect(relativeTime(ago(400 * 24 * 3600), "en", NOW)).toBe("last year");
  });

  it("speaks the user's language and looks ahead too", () => {
    expect(relativeTime(ago(3 * 3600), "de", NOW)).toBe("vor 3 Stunden");
    expect(relativeTime(ago(-2 * 3600), "en", NOW)).toBe("in 2 hours");
  });
});

describe("dateTime", () => {
  it("writes the long date and the short time in the user's language", () => {
    const text = dateTime(new Date(NOW), "en-US");
    expect(text).toContain("November 30, 2026");
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });
});

describe("formatTime", () => {
  it("writes year-month-day hours:minutes of the browser's time zone, zero-padded", () => {
    const local = new Date(2026, 0, 5, 7, 3, 59);
    expect(formatTime(local.toISOString())).toBe("2026-01-05 07:03");
    expect(formatTime(local.getTime())).toBe("2026-01-05 07:03");
  });

  it("writes nothing for a time that is not there", () => {
    expect(formatTime(null)).toBe("");
    expect(formatTime(undefined)).toBe("");
  });
});
