import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";

export type MfaEnforcement = "DISABLED" | "OPTIONAL" | "REQUIRED_ALL" | "REQUIRED_ADMINS";
export type MfaMethod = "TOTP" | "SMS" | "EMAIL";

export type AllowlistEntry = {
  value: string;
  label: string | null;
  createdBy?: string | null;
  createdAt?: string | null;
};

/** The SecurityPolicy document of the admin API (architecture §1, §3). */
export type SecurityPolicy = {
  configured: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  password: {
    minLength: number | null;
    requireUppercase: boolean;
    requireLowercase: boolean;
    requireDigits: boolean;
    requireSpecial: boolean;
    expiryDays: number;
    preventReuse: number;
    blockCommon: boolean;
    blockedWords: string[];
  };
  sessions: {
    idleTimeoutMinutes: number | null;
    maxLifetimeHours: number;
    maxConcurrentSessions: number | null;
  };
  mfa: { enforcement: MfaEnforcement; methods: MfaMethod[]; adminRoles: string[] };
  lockout: {
    maxFailures: number | null;
    durationMinutes: number | null;
    emailUser: boolean;
    notifyAdmins: boolean;
  };
  ipAllowlist: { enabled: boolean; entries: AllowlistEntry[] };
  sso: { required: boolean };
};

export type FieldError = { field: string; message: string };
export type PreviewWarning = { code: string; count: number; message: string };
export type Preview = { warnings: PreviewWarning[]; errors: FieldError[]; callerAddress?: string };
export type Notice = { code: string; message: string };
export type SaveResult = { policy: SecurityPolicy; notices: Notice[]; terminatedSessions: number };
export type MfaStatus = { enabled: number; total: number; percent: number };
export type LockedUser = {
  userId: string;
  username: string;
  email: string | null;
  permanent: boolean;
  failures: number;
  lastFailure: string | null;
  lastFailureIp: string | null;
  until: string | null;
};
export type AuditEvent = {
  id: string;
  time: string;
  type: string;
  userId: string | null;
  username: string | null;
  actorId: string | null;
  actorUsername: string | null;
  clientId: string | null;
  ipAddress: string | null;
  details: Record<string, unknown> | null;
};
export type AuditFilter = { type?: string; user?: string; from?: string; to?: string };
/** Keycloak's own admin API: a user session as GET users/{id}/sessions lists it. */
export type UserSession = {
  id: string;
  ipAddress: string;
  start: number;
  lastAccess: number;
  clients: Record<string, string>;
};

/** An answer other than 2xx; `errors` holds the API's field errors when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * The Security Center admin API of the realm being managed, with the console's own bearer token
 * (the console's admin client refreshes it), plus the few stock admin endpoints the page uses.
 */
export function useSecurityApi() {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();

  return useMemo(() => {
    const realmBase = `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(realm)}`;
    const base = `${realmBase}/security-center`;

    async function send(url: string, method = "GET", body?: unknown): Promise<Response> {
      const token = await adminClient.getAccessToken();
      const response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        let errors: FieldError[] = [];
        try {
          errors = ((await response.json()) as { errors?: FieldError[] }).errors ?? [];
        } catch {
          // not JSON: only the status is known
        }
        throw new ApiError(response.status, errors);
      }
      return response;
    }

    async function json<T>(url: string, method = "GET", body?: unknown): Promise<T> {
      const response = await send(url, method, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    }

    const query = (params: Record<string, string | number | undefined>) =>
      new URLSearchParams(
        Object.entries(params)
          .filter(([, v]) => v !== undefined && v !== "")
          .map(([k, v]) => [k, String(v)]),
      ).toString();

    return {
      policy: () => json<SecurityPolicy>(`${base}/policy`),
      save: (policy: SecurityPolicy) => json<SaveResult>(`${base}/policy`, "PUT", policy),
      preview: (policy: SecurityPolicy) => json<Preview>(`${base}/policy/preview`, "POST", policy),
      applyDefaults: () => json<SaveResult>(`${base}/policy/defaults`, "POST"),
      mfaStatus: () => json<MfaStatus>(`${base}/mfa/status`),
      reminders: (dryRun: boolean) =>
        json<{ recipients: number }>(`${base}/mfa/reminders?dryRun=${dryRun}`, "POST"),
      lockouts: () => json<LockedUser[]>(`${base}/lockouts`),
      unlock: (userId: string) =>
        json<{ unlocked: boolean }>(`${base}/lockouts/${encodeURIComponent(userId)}/unlock`, "POST"),
      audit: (filter: AuditFilter, first: number, max: number) =>
        json<AuditEvent[]>(`${base}/audit?${query({ ...filter, first, max })}`),
      exportAudit: async (filter: AuditFilter, format: "csv" | "jsonl") =>
        (await send(`${base}/audit/export?${query({ ...filter, format })}`)).blob(),
      userSessions: (userId: string) =>
        json<UserSession[]>(`${realmBase}/users/${encodeURIComponent(userId)}/sessions`),
      deleteSession: (sessionId: string) =>
        send(`${realmBase}/sessions/${encodeURIComponent(sessionId)}`, "DELETE"),
      /** The id of the session this console's token belongs to (its `sid` claim). */
      currentSessionId: async () => {
        const token = (await adminClient.getAccessToken()) ?? "";
        const payload = token.split(".")[1] ?? "";
        const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
          sid?: string;
        };
        return claims.sid;
      },
    };
  }, [adminClient, realm]);
}

export type SecurityApi = ReturnType<typeof useSecurityApi>;
