import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type { KeycloakContext } from "@keycloak/keycloak-ui-shared";

/** The caller's console context: its keycloak-js instance holds the user's bearer token. */
export type Context = KeycloakContext<AccountEnvironment>;

/** The realm's password rules, as the policy API names them. */
export type PasswordRules = {
  minLength: number | null;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireDigits: boolean;
  requireSpecial: boolean;
  expiryDays: number;
  preventReuse: number;
};

/** Times are ISO-8601 instants. */
export type Overview = {
  password: {
    /** The user signs in through an identity provider: no password to manage here. */
    managedBySso: boolean;
    rules: PasswordRules;
    lastChanged: string | null;
    /** When the realm's expiry asks for the next change, if it does. */
    rotationDue: string | null;
    rotationOverdue: boolean;
  };
  twoFactor: {
    enabled: boolean;
    since: string | null;
    /** The policy requires a second factor of this user, so it cannot be switched off here. */
    enforced: boolean;
    /** The policy lets users set up an authenticator app (not when 2FA is disabled or TOTP not allowed). */
    available: boolean;
    recoveryCodesLeft: number | null;
  };
  locationAttribution: string | null;
};

export type PendingTotp = {
  secret: string;
  otpauthUri: string;
  /** A PNG, base64-encoded or as a data URL. */
  qrCode: string;
  expiresAt: string;
};

export type RecoveryCodes = { recoveryCodes: string[] };

export type Session = {
  id: string;
  /** A display name such as "Chrome on Linux". */
  device: string;
  ip: string;
  location: string;
  lastActive: string;
  started: string;
  current: boolean;
  offline: boolean;
};

export type Sessions = {
  sessions: Session[];
  /** Credit the geolocation database's licence asks for, when locations come from one. */
  locationAttribution?: string | null;
};

export type ActivityEvent = {
  id: string;
  time: string;
  type: string;
  ipAddress: string | null;
  clientId: string | null;
  actorUsername: string | null;
  username: string | null;
};

/** A refused field; `rule` names the broken rule (a password policy id, `required`, `matches`, `correct`). */
export type FieldError = { field: string; rule?: string; message: string };

/** A refused request: the status and, for a 400 or 409, which field broke which rule. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
    /** A machine-readable reason, e.g. `reauthentication_required` when the sign-in is too old. */
    readonly error?: string,
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; ") || `HTTP ${status}`);
  }
}

async function call<T>(
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
    const payload = await response.json().catch(() => ({}));
    throw new ApiError(
      response.status,
      Array.isArray(payload?.errors) ? payload.errors : [],
      typeof payload?.error === "string" ? payload.error : undefined,
    );
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const getOverview = (context: Context, signal?: AbortSignal) =>
  call<Overview>(context, "GET", "/", undefined, signal);

export const changePassword = (
  context: Context,
  form: { currentPassword: string; newPassword: string; confirmation: string },
) => call<void>(context, "POST", "/password", form);

/**
 * Adding a second factor needs a recent sign-in: the server says so with `reauthentication_required`, and the user
 * is sent through Keycloak's sign-in again and back to this page.
 */
export const isReauthenticationRequired = (error: unknown) =>
  error instanceof ApiError && error.error === "reauthentication_required";

export const reauthenticate = (context: Context) =>
  context.keycloak.login({ prompt: "login", redirectUri: window.location.href });

export const startTotp = (context: Context) => call<PendingTotp>(context, "POST", "/mfa/totp");

export const verifyTotp = (context: Context, code: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/totp/verify", { code });

export const regenerateRecoveryCodes = (context: Context, code: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/recovery-codes", { code });

export const disableMfa = (context: Context, code: string) =>
  call<void>(context, "DELETE", "/mfa", { code });

export const getSessions = (context: Context, signal?: AbortSignal) =>
  call<Sessions>(context, "GET", "/sessions", undefined, signal);

export const terminateSession = (context: Context, id: string) =>
  call<void>(context, "POST", `/sessions/${encodeURIComponent(id)}/terminate`);

export const terminateOtherSessions = (context: Context) =>
  call<{ terminated: number }>(context, "POST", "/sessions/terminate-all");

export const getActivity = (context: Context, first: number, max: number, signal?: AbortSignal) =>
  call<ActivityEvent[]>(context, "GET", `/activity?first=${first}&max=${max}`, undefined, signal);
