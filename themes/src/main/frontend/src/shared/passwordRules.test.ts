import { describe, expect, it } from "vitest";
import type { PasswordRules } from "./generated/api";
import { checklist } from "./passwordRules";

const NONE: PasswordRules = {
  minLength: null,
  requireUppercase: false,
  requireLowercase: false,
  requireDigits: false,
  requireSpecial: false,
  expiryDays: 0,
  preventReuse: 0,
  blockCommon: false,
  blockBreached: false,
  blockedWords: [],
};
const ALL: PasswordRules = { ...NONE, minLength: 12, requireUppercase: true, requireLowercase: true, requireDigits: true, requireSpecial: true, preventReuse: 5 };

const failing = (rules: PasswordRules, password: string) =>
  checklist(rules)
    .filter((rule) => rule.check && !rule.check(password))
    .map((rule) => rule.key);

describe("checklist", () => {
  it("lists nothing when the realm asks for nothing", () => {
    expect(checklist(NONE)).toEqual([]);
  });

  it("lists every rule the realm sets, in the order the page shows them, with the count it names", () => {
    expect(checklist(ALL).map(({ key, count }) => [key, count])).toEqual([
      ["securityPasswordRule_length", 12],
      ["securityPasswordRule_upperCase", 1],
      ["securityPasswordRule_lowerCase", 1],
      ["securityPasswordRule_digits", 1],
      ["securityPasswordRule_specialChars", 1],
      ["securityPasswordRule_passwordHistory", 5],
    ]);
  });

  it("checks reuse only on the server", () => {
    expect(checklist(ALL).find((rule) => rule.key === "securityPasswordRule_passwordHistory")?.check).toBeUndefined();
  });

  it("checks the length from the minimum on", () => {
    expect(failing({ ...NONE, minLength: 12 }, "elevenchars")).toEqual(["securityPasswordRule_length"]);
    expect(failing({ ...NONE, minLength: 12 }, "twelve chars")).toEqual([]);
  });

  it("names each character class a password lacks", () => {
    expect(failing(ALL, "correct horse battery")).toEqual([
      "securityPasswordRule_upperCase",
      "securityPasswordRule_digits",
    ]);
    expect(failing(ALL, "Correct-Horse-42")).toEqual([]);
    expect(failing(ALL, "CORRECTHORSE42")).toEqual([
      "securityPasswordRule_lowerCase",
      "securityPasswordRule_specialChars",
    ]);
  });

  it("counts letters and digits of every script as Keycloak's Java character classes do", () => {
    // Ä is upper case, ß lower case, ٣ (Arabic-Indic three) a digit, and none of them is special
    expect(failing(ALL, "Äßßßßßßßßßß٣")).toEqual(["securityPasswordRule_specialChars"]);
    // a space and an emoji are special characters
    expect(failing({ ...NONE, requireSpecial: true }, "a b")).toEqual([]);
    expect(failing({ ...NONE, requireSpecial: true }, "ab🙂")).toEqual([]);
  });
});
