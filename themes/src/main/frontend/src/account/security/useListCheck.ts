import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { useEffect, useState } from "react";
import { ApiError } from "../../shared/apiError";
import { checkPassword } from "./api";

/** The server's rules that say a password is one people guess or one that has leaked. */
export const LIST_RULES = new Set(["blocklist", "breached", "blockedWords"]);

/** Typing pauses this long before the server is asked, so a user spends few of their hourly checks. */
const DEBOUNCE_MS = 600;

/**
 * `unknown` while nothing is typed or the answer is pending; `unavailable` when the server cannot answer now
 * (its hourly limit, a network error): the rule is then checked again when the form is saved.
 */
export type ListCheck = { state: "unknown" | "met" | "failed" | "unavailable"; message?: string };

/**
 * Whether the server finds the candidate on the common-password list, the admin's blocked words or the breach
 * corpus. The browser never asks a third party: only our own endpoint sees the password, over the user's session.
 */
export function useListCheck(password: string, enabled: boolean): ListCheck {
  const context = useEnvironment<AccountEnvironment>();
  const [result, setResult] = useState<ListCheck>({ state: "unknown" });

  useEffect(() => {
    setResult({ state: "unknown" });
    if (!enabled || password === "") {
      return;
    }
    const abort = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const { violations } = await checkPassword(context, password, abort.signal);
        const listed = violations.find((v) => v.rule !== undefined && LIST_RULES.has(v.rule));
        setResult(listed ? { state: "failed", message: listed.message } : { state: "met" });
      } catch (error) {
        if (!abort.signal.aborted) {
          setResult({ state: "unavailable", message: error instanceof ApiError ? error.errors[0]?.message : undefined });
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
    // the context is the page's for its whole life; only the password and the switch decide when to ask
  }, [password, enabled]);

  return result;
}
