import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type { KeycloakContext } from "@keycloak/keycloak-ui-shared";

/** The caller's console context: its keycloak-js instance holds the user's bearer token. */
export type Context = KeycloakContext<AccountEnvironment>;

/** A password rule of the realm's policy, e.g. `{name: "length", value: 12}`. */
export type PasswordRule = { name: string; value: number };

export type Overview = {
  password: {
    /** The realm signs its users in through an identity provider: no password to manage here. */
    ssoManaged: boolean;
    rules: PasswordRule[];
    /** When the realm's rotation interval asks for the next change, if it does. */
    rotationDueAt?: string | null;
  };
  mfa: {
    enabled: boolean;
    enrolledAt?: string | null;
    /** The policy requires a second factor of this user, so it cannot be switched off here. */
    enforced: boolean;
    recoveryCodesLeft: number;
  };
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
  device: string;
  ip: string;
  location: string;
  lastActive: string;
  started: string;
  current: boolean;
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

export type FieldError = { field: string; message: string };

/** A refused request: the status and, for a 400 or 409, which field broke which rule. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
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
    throw new ApiError(response.status, Array.isArray(payload?.errors) ? payload.errors : []);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const getOverview = (context: Context, signal?: AbortSignal) =>
  call<Overview>(context, "GET", "/", undefined, signal);

export const changePassword = (
  context: Context,
  form: { currentPassword: string; newPassword: string; confirmation: string },
) => call<void>(context, "POST", "/password", form);

export const startTotp = (context: Context) => call<PendingTotp>(context, "POST", "/mfa/totp");

export const verifyTotp = (context: Context, code: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/totp/verify", { code });

export const regenerateRecoveryCodes = (context: Context, code: string) =>
  call<RecoveryCodes>(context, "POST", "/mfa/recovery-codes", { code });

export const disableMfa = (context: Context, code: string) =>
  call<void>(context, "DELETE", "/mfa", { code });

export const getSessions = (context: Context, signal?: AbortSignal) =>
  call<Session[]>(context, "GET", "/sessions", undefined, signal);

export const terminateSession = (context: Context, id: string) =>
  call<void>(context, "POST", `/sessions/${encodeURIComponent(id)}/terminate`);

export const terminateOtherSessions = (context: Context) =>
  call<{ terminated: number }>(context, "POST", "/sessions/terminate-all");

export const getActivity = (context: Context, first: number, max: number, signal?: AbortSignal) =>
  call<ActivityEvent[]>(context, "GET", `/activity?first=${first}&max=${max}`, undefined, signal);
