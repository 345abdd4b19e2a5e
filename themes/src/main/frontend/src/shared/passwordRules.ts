import type { PasswordRules } from "./generated/api";

/** A rule the user sees in the checklist: its message key, the count it names, and how to check it live. */
export type Rule = { key: string; count: number; check?: (password: string) => boolean };

/** How many characters of a class a password has, counted as Keycloak's policy providers count (Java Character). */
const count = (password: string, pattern: RegExp) => (password.match(pattern) ?? []).length;

/**
 * The realm's rules as a checklist. The browser checks what it can while the user types; the server checks
 * every rule again, and the reuse rule only there.
 */
export function checklist(
  rules: Pick<PasswordRules, "minLength" | "requireUppercase" | "requireLowercase" | "requireDigits" | "requireSpecial" | "preventReuse">,
): Rule[] {
  const list: Rule[] = [];
  if (rules.minLength) {
    const min = rules.minLength;
    list.push({ key: "securityPasswordRule_length", count: min, check: (p) => p.length >= min });
  }
  if (rules.requireUppercase) {
    list.push({ key: "securityPasswordRule_upperCase", count: 1, check: (p) => count(p, /\p{Lu}/gu) >= 1 });
  }
  if (rules.requireLowercase) {
    list.push({ key: "securityPasswordRule_lowerCase", count: 1, check: (p) => count(p, /\p{Ll}/gu) >= 1 });
  }
  if (rules.requireDigits) {
    list.push({ key: "securityPasswordRule_digits", count: 1, check: (p) => count(p, /\p{Nd}/gu) >= 1 });
  }
  if (rules.requireSpecial) {
    list.push({ key: "securityPasswordRule_specialChars", count: 1, check: (p) => count(p, /[^\p{L}\p{Nd}]/gu) >= 1 });
  }
  if (rules.preventReuse > 0) {
    list.push({ key: "securityPasswordRule_passwordHistory", count: rules.preventReuse });
  }
  return list;
}
