import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { changesOf, describeChange } from "./policyChanges";

const texts: Record<string, string> = {
  scField_password_minLength: "Minimum length",
  scField_password_requireSpecial: "Special characters",
  scField_sessions_idleTimeoutMinutes: "Session timeout",
  scNone: "none",
  scOn: "on",
  scOff: "off",
};
const t = ((key: string, options?: Record<string, unknown>) => {
  if (key === "scChangeAllowlist") return `${options?.field}: ${options?.added} added, ${options?.removed} removed`;
  return texts[key] ?? (options?.defaultValue as string) ?? key;
}) as unknown as TFunction;

describe("policy changes", () => {
  it("says a value's old and new value", () => {
    expect(describeChange({ field: "password.minLength", from: 12, to: 14 }, t)).toBe("Minimum length 12 \u2192 14");
  });

  it("words switches and unset values", () => {
    expect(describeChange({ field: "password.requireSpecial", from: false, to: true }, t)).toBe("Special characters off \u2192 on");
    expect(describeChange({ field: "sessions.idleTimeoutMinutes", from: 30, to: null }, t)).toBe("Session timeout 30 \u2192 none");
  });

  it("counts allowlist edits instead of listing thousands of entries", () => {
    expect(describeChange({ field: "ipAllowlist.entries", addedCount: 2, removedCount: 1 }, t)).toBe("ipAllowlist.entries: 2 added, 1 removed");
  });

  it("shows a field it has no label for by its path", () => {
    expect(describeChange({ field: "notifications.newSignIn", from: true, to: false }, t)).toBe("notifications.newSignIn on \u2192 off");
  });

  it("reads changes only from events that carry them", () => {
    expect(changesOf(null)).toEqual([]);
    expect(changesOf({ source: "security-center" })).toEqual([]);
    expect(changesOf({ changes: [{ field: "password.minLength", from: 12, to: 14 }, "junk"] })).toEqual([
      { field: "password.minLength", from: 12, to: 14 },
    ]);
  });
});
