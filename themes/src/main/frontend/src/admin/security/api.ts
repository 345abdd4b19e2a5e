import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";
import { ApiError } from "../../shared/apiError";
import type {
  AuditEvent,
  FieldError,
  Finding,
  LockedUser,
  MfaStatus,
  PastLockout,
  PolicyChoices,
  PreviewWarning,
  SaveResult,
  SecurityPolicy,
  SecurityStats,
  Session,
} from "../../shared/generated/api";

/** The answers' types are generated from the Java records (providers' ApiTypesTest); the rest are maps there. */
export type {
  AllowlistEntry,
  AuditEvent,
  Finding,
  LockedUser,
  MfaAdminStrength,
  MfaEnforcement,
  MfaMethod,
  MfaStatus,
  Notice,
  PastLockout,
  PolicyChoices,
  PreviewWarning,
  SaveResult,
  SecurityPolicy,
} from "../../shared/generated/api";
export type { FieldError };

/** `POST /policy/preview`; `callerAddress` is the address the server sees this console at. */
export type Preview = { warnings: PreviewWarning[]; errors: FieldError[]; callerAddress?: string };

export type AuditFilter = { type?: string; user?: string; from?: string; to?: string };
/** A user's sessions in the account API's rows (`GET /security-center/users/{id}/sessions`). */
export type UserSessions = { sessions: Session[]; locationAttribution?: string };

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
        throw await ApiError.of(response);
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
      choices: () => json<PolicyChoices>(`${base}/policy/choices`),
      applyDefaults: () => json<SaveResult>(`${base}/policy/defaults`, "POST"),
      assessment: () => json<{ findings: Finding[] }>(`${base}/policy/assessment`),
      previewPreset: (preset: string) =>
        json<Preview & { policy: SecurityPolicy }>(`${base}/policy/presets/${encodeURIComponent(preset)}/preview`, "POST"),
      applyPreset: (preset: string) => json<SaveResult>(`${base}/policy/presets/${encodeURIComponent(preset)}`, "POST"),
      mfaStatus: () => json<MfaStatus>(`${base}/mfa/status`),
      /** The overview's daily counts and 2FA adoption over the last `days` UTC days. */
      stats: (days: number) => json<SecurityStats>(`${base}/stats?days=${days}`),
      reminders: (dryRun: boolean) =>
        json<{ recipients: number }>(`${base}/mfa/reminders?dryRun=${dryRun}`, "POST"),
      lockouts: () => json<LockedUser[]>(`${base}/lockouts`),
      lockoutHistory: () => json<PastLockout[]>(`${base}/lockouts/history`),
      unlock: (userId: string) =>
        json<{ unlocked: boolean }>(`${base}/lockouts/${encodeURIComponent(userId)}/unlock`, "POST"),
      audit: (filter: AuditFilter, first: number, max: number) =>
        json<AuditEvent[]>(`${base}/audit?${query({ ...filter, first, max })}`),
      exportAudit: async (filter: AuditFilter, format: "csv" | "jsonl") =>
        (await send(`${base}/audit/export?${query({ ...filter, format })}`)).blob(),
      /**
       * The signed-in admin's own sessions: they live in the admin's realm (master for master-realm admins),
       * not necessarily the realm being managed.
       */
      ownSessions: (adminRealm: string, userId: string) =>
        json<UserSessions>(
          `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(adminRealm)}/security-center/users/${encodeURIComponent(userId)}/sessions`,
        ),
      /** A user of the realm being managed: their sessions in the account API's rows. */
      userSessions: (userId: string) => json<UserSessions>(`${base}/users/${encodeURIComponent(userId)}/sessions`),
      /** Keycloak's own session removal, which the audit log records as revoked by an admin. */
      deleteSession: (adminRealm: string, session: Session) =>
        send(
          `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(adminRealm)}/sessions/${encodeURIComponent(session.id)}?isOffline=${session.offline}`,
          "DELETE",
        ),
    };
  }, [adminClient, realm]);
}

export type SecurityApi = ReturnType<typeof useSecurityApi>;
