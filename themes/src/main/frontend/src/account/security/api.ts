import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type { KeycloakContext } from "@keycloak/keycloak-ui-shared";
import { ApiError, type FieldError } from "../../shared/apiError";
import type {
  AccountOverview,
  AuditEvent,
  PendingTotp,
  SecondFactor,
  SecondFactors,
  Session,
} from "../../shared/generated/api";

/** The caller's console context: its keycloak-js instance holds the user's bearer token. */
export type Context = KeycloakContext<AccountEnvironment>;

export type {
  AccountOverview as Overview,
  PendingTotp,
  SecondFactor,
  SecondFactors,
  Session,
} from "../../shared/generated/api";

export type RecoveryCodes = { recoveryCodes: string[] };

export type Sessions = {
  sessions: Session[];
  /** Credit the geolocation database's licence asks for, when locations come from one (absent otherwise). */
  locationAttribution?: string;
};

export async function call<T>(
  context: Context,
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const { keycloak, environment } = context;
  // keycloak-js renews the token only when asked; a page left open outlives its token.
  await keycloak.updateToken(30);
  const response = await fetch(
    `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/security-center/account${path}`,
    {
      method,
      signal,
      headers: {
        Authorization: `Bearer ${keycloak.token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  if (!response.ok) {
    throw await ApiError.of(response);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const getOverview = (context: Context, signal?: AbortSignal) =>
  call<AccountOverview>(context, "GET", "/", undefined, signal);

export const changePassword = (
  context: Context,
  form: { currentPassword: string; newPassword: string; confirmation: string },
) => call<void>(context, "POST", "/password", form);

/**
 * Adding a second factor, removing a passkey, and for a user without an authenticator app new recovery codes or
 * turning 2FA off, need a recent sign-in: the server says so with `reauthentication_required`, and the user
 * is sent through Keycloak's sign-in again and back to this page.
 */
export const isReauthenticationRequired = (error: unknown) =>
  error instanceof ApiError && error.error === "reauthentication_required";

export const reauthenticate = (context: Context) =>
  context.keycloak.login({ prompt: "login", redirectUri: window.location.href });

export const startTotp = (context: Context) => call<PendingTotp>(context, "POST", "/mfa/totp");

export const verifyTotp = (context: Context, code: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/totp/verify", { code });

/** `code` only for a user with an authenticator app; anyone else needs a recent sign-in instead. */
export const regenerateRecoveryCodes = (context: Context, code?: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/recovery-codes", { code });

/** Removes every second factor; confirmed as for new recovery codes; 409 while the organisation requires 2FA. */
export const disableMfa = (context: Context, code?: string) =>
  call<void>(context, "DELETE", "/mfa", { code });

export const getSessions = (context: Context, signal?: AbortSignal) =>
  call<Sessions>(context, "GET", "/sessions", undefined, signal);

export const terminateSession = (context: Context, id: string) =>
  call<void>(context, "POST", `/sessions/${encodeURIComponent(id)}/terminate`);

export const terminateOtherSessions = (context: Context) =>
  call<{ terminated: number }>(context, "POST", "/sessions/terminate-all");

export const getActivity = (context: Context, first: number, max: number, signal?: AbortSignal) =>
  call<AuditEvent[]>(context, "GET", `/activity?first=${first}&max=${max}`, undefined, signal);

/** The rules a candidate new password breaks, lists and breach check included, asked of the server (changes nothing). */
export const checkPassword = (context: Context, newPassword: string, signal?: AbortSignal) =>
  call<{ violations: FieldError[] }>(context, "POST", "/password/check", { newPassword }, signal);

/** Every second factor the user holds; passkeys with when they last signed the user in. */
export const getSecondFactors = (context: Context, signal?: AbortSignal) =>
  call<SecondFactors>(context, "GET", "/mfa/factors", undefined, signal);

export const renamePasskey = (context: Context, id: string, label: string) =>
  call<SecondFactor>(context, "POST", `/mfa/passkeys/${encodeURIComponent(id)}/label`, { label });

/** Needs a recent sign-in (`reauthentication_required` otherwise); 409 for the last factor the policy requires. */
export const removePasskey = (context: Context, id: string) =>
  call<void>(context, "DELETE", `/mfa/passkeys/${encodeURIComponent(id)}`);

/**
 * A passkey is made by Keycloak's own registration page (its required action, asked for with `kc_action`), which
 * returns the browser to this page.
 */
export const addPasskey = (context: Context) =>
  context.keycloak.login({ action: "webauthn-register-passwordless", redirectUri: window.location.href });
