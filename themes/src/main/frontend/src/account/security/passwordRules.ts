import type { PasswordRule } from "./api";

/**
 * The rules a browser can check while the user types, counted the way Keycloak's password policy providers count
 * (Java's Character classes). The server checks every rule again; the others (history, username, …) only there.
 */
const LIVE_CHECKS: Record<string, (password: string) => number> = {
  length: (p) => p.length,
  upperCase: (p) => (p.match(/\p{Lu}/gu) ?? []).length,
  lowerCase: (p) => (p.match(/\p{Ll}/gu) ?? []).length,
  digits: (p) => (p.match(/\p{Nd}/gu) ?? []).length,
  specialChars: (p) => (p.match(/[^\p{L}\p{Nd}]/gu) ?? []).length,
};

export type RuleState = { rule: PasswordRule; met: boolean | undefined };

/** Rules a user can act on; the policy's technical entries (hash algorithm, …) are not shown. */
const SHOWN = new Set([...Object.keys(LIVE_CHECKS), "maxLength", "passwordHistory", "notUsername", "notEmail",
  "notContainsUsername"]);

/** Each rule with whether the password meets it, or undefined when only the server can tell. */
export function checkRules(rules: PasswordRule[], password: string): RuleState[] {
  return rules.filter(({ name }) => SHOWN.has(name)).map((rule) => {
    if (rule.name === "maxLength") {
      return { rule, met: password.length <= rule.value };
    }
    const count = LIVE_CHECKS[rule.name];
    return { rule, met: count ? count(password) >= rule.value : undefined };
  });
}

/** The message key that names a rule, e.g. securityPasswordRule_length. */
export const ruleKey = (rule: PasswordRule) => `securityPasswordRule_${rule.name}`;
