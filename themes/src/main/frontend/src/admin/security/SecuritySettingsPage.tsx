import { useAccess, useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import {
  ActionGroup,
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
  PageSection,
  Skeleton,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { LockIcon } from "@patternfly/react-icons";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useBlocker } from "react-router-dom";
import { ActiveSessionsSection } from "./ActiveSessionsSection";
import { AllowlistSection } from "./AllowlistSection";
import { LoadError } from "../../shared/states";
import { formatTime } from "../../shared/time";
import { ApiError } from "../../shared/apiError";
import { type AuditEvent, type FieldError, type MfaStatus, type Preview, type PreviewWarning, type SecurityPolicy, useSecurityApi } from "./api";
import { AuditTable } from "./audit/AuditTable";
import { ConfirmModal, SectionCard, ToastProvider, useDismissToasts, useToast } from "./components";
import { LockedUsersSection } from "./LockedUsersSection";
import { MfaSection } from "./MfaSection";
import { StandardsSection } from "./StandardsSection";
import { LockoutSection, PasswordSection, SessionSection } from "./PolicySections";
import { NotificationsSection } from "./NotificationsSection";
import { usePolicyChoices } from "./RolePicker";
import { SsoSection } from "./SsoSection";
import { SecurityOverviewSection } from "./overview/SecurityOverviewSection";

/** Consequences that are confirmed in a modal before saving (spec: validation/warnings). */
const CONFIRMED = ["SSO_REQUIRED", "MFA_REQUIRED_ALL", "MFA_REQUIRED_ADMINS", "MFA_NO_LONGER_REQUIRED", "IDLE_TIMEOUT_SHORTER", "IDLE_TIMEOUT_NEVER", "SESSIONS_OVER_LIMIT", "LOCKOUT_MANUAL_UNLOCK", "ALLOWLIST_DISABLE", "PASSWORD_POLICY_STRONGER", "USERS_TOLD_BY_EMAIL"];

/** Consequences stated as a number of people or sessions: at 0 they concern nobody and are not shown. */
const COUNTED = ["SSO_REQUIRED", "PASSWORD_POLICY_STRONGER", "PASSWORD_COMPLIANCE_UNKNOWN", "MFA_REQUIRED_ALL", "MFA_REQUIRED_ADMINS", "IDLE_TIMEOUT_SHORTER", "SESSIONS_OVER_LIMIT", "USERS_TOLD_BY_EMAIL"];
const applies = (w: PreviewWarning) => w.count > 0 || !COUNTED.includes(w.code);
const confirmedOf = (p: Preview) => p.warnings.filter((w) => applies(w) && CONFIRMED.includes(w.code));

/** The API's validation messages are phrased for developers ("at least one …"): shown as a sentence. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

type Load = { state: "loading" } | { state: "error" } | { state: "loaded"; policy: SecurityPolicy };

const SKELETON_SECTIONS = ["scPasswordPolicy", "scSessionManagement", "scActiveSessions", "scMfa", "scFailedLogin", "scAllowlist"];

export default function SecuritySettingsPage() {
  return (
    <ToastProvider>
      <SecuritySettings />
    </ToastProvider>
  );
}

const SecuritySettings = () => {
  const { t } = useTranslation();
  const api = useSecurityApi();
  const { realm } = useRealm();
  const choices = usePolicyChoices(api);
  const { hasAccess } = useAccess();
  const toast = useToast();
  const dismissToasts = useDismissToasts();
  const canEdit = hasAccess("manage-realm");

  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [draft, setDraft] = useState<SecurityPolicy>();
  const [preview, setPreview] = useState<Preview>();
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState<Preview>();
  const [mfaStatus, setMfaStatus] = useState<MfaStatus>();
  const [recent, setRecent] = useState<AuditEvent[]>([]);

  const saved = load.state === "loaded" ? load.policy : undefined;
  const dirty = useMemo(() => !!saved && !!draft && JSON.stringify(saved) !== JSON.stringify(draft), [saved, draft]);

  const refreshSideData = useCallback(async () => {
    const [status, events] = await Promise.all([api.mfaStatus(), api.audit({}, 0, 5)]);
    setMfaStatus(status);
    setRecent(events);
  }, [api]);

  const fetchPolicy = useCallback(async () => {
    setLoad({ state: "loading" });
    try {
      const policy = await api.policy();
      setLoad({ state: "loaded", policy });
      setDraft(structuredClone(policy));
      setSaveErrors([]);
      if (policy.configured) await refreshSideData();
    } catch {
      setLoad({ state: "error" });
    }
  }, [api, refreshSideData]);

  useEffect(() => void fetchPolicy(), [fetchPolicy]);

  // Every change asks the server what it would do: inline warnings with real counts.
  useEffect(() => {
    if (!draft || !dirty) {
      setPreview(undefined);
      return;
    }
    const timer = setTimeout(() => void api.preview(draft).then(setPreview, () => setPreview(undefined)), 300);
    return () => clearTimeout(timer);
  }, [api, draft, dirty]);

  // The caller's address is needed before anything changed (the allowlist switch names it).
  const [callerAddress, setCallerAddress] = useState<string>();
  useEffect(() => {
    if (saved?.configured && canEdit) void api.preview(saved).then((p) => setCallerAddress(p.callerAddress));
  }, [api, saved, canEdit]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (change: (p: SecurityPolicy) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });

  const errors = [...saveErrors, ...(preview?.errors ?? [])];
  const errorsOf = (field: string) => [...new Set(errors.filter((e) => e.field === field).map((e) => sentence(e.message)))];
  const warningText = (w: { code: string; count: number; message: string }) =>
    t(`scWarn_${w.code}`, {
      count: w.count,
      defaultValue: w.message,
      minutes: draft?.sessions.idleTimeoutMinutes,
      address: callerAddress,
      providers: choices?.identityProviders.join(" or "),
    });
  const warningsOf = (...codes: string[]) => (preview?.warnings ?? []).filter((w) => applies(w) && codes.includes(w.code)).map(warningText);

  const startSave = async () => {
    if (!draft) return;
    const fresh = await api.preview(draft);
    setPreview(fresh);
    if (fresh.errors.length) {
      toast("danger", t("scFixErrors"));
      return;
    }
    if (confirmedOf(fresh).length) setConfirming(fresh);
    else await save(fresh);
  };

  const save = async (checked: Preview) => {
    setConfirming(undefined);
    try {
      const result = await api.save(draft!);
      const before = draft!;
      setLoad({ state: "loaded", policy: result.policy });
      setDraft(structuredClone(result.policy));
      setSaveErrors([]);
      setPreview(undefined);
      // the failed attempts' error toasts no longer hold
      dismissToasts("danger");
      const codes = checked.warnings.map((w) => w.code);
      const stronger = checked.warnings.find((w) => w.code === "PASSWORD_POLICY_STRONGER" && applies(w));
      if (codes.includes("MFA_REQUIRED_ALL")) toast("success", t("scSavedMfaRequired"));
      else if (codes.includes("ALLOWLIST_ENABLE")) toast("success", t("scSavedAllowlist", { count: result.policy.ipAllowlist.entries.length }));
      else if (stronger) toast("success", t("scSavedPassword", { count: stronger.count }));
      else toast("success", t("scSaved"));
      for (const notice of result.notices) {
        const added = result.policy.ipAllowlist.entries.find((e) => !before.ipAllowlist.entries.some((b) => b.value === e.value));
        toast("info", t(`scNotice_${notice.code}`, { defaultValue: notice.message, address: added?.value ?? callerAddress }));
      }
      await refreshSideData();
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        setSaveErrors(e.errors);
        toast("danger", t("scFixErrors"));
      } else {
        toast("danger", t("scSaveFailed"));
      }
    }
  };

  const setUpDefaults = async () => {
    await api.applyDefaults();
    toast("success", t("scSaved"));
    await fetchPolicy();
  };

  const header = <ViewHeader titleKey="scSecuritySettings" subKey="scIntro" />;

  if (load.state === "loading") {
    return (
      <>
        {header}
        <PageSection id="sc-loading" aria-busy="true">
          <Stack hasGutter>
            <StackItem>
              <p role="status" id="sc-loading-text">
                {t("scLoading")}
              </p>
            </StackItem>
            {SKELETON_SECTIONS.map((title, i) => (
              <StackItem key={title}>
                <SectionCard id={`sc-skeleton-${i}`} title={t(title)}>
                  <Skeleton width={`${40 + ((i * 17) % 45)}%`} />
                </SectionCard>
              </StackItem>
            ))}
          </Stack>
        </PageSection>
      </>
    );
  }

  if (load.state === "error") {
    return (
      <>
        {header}
        <PageSection variant="light" id="sc-error">
          <LoadError
            page
            title={t("scLoadFailedTitle")}
            body={
              <>
                {t("scLoadFailedBody")}
                <br />
                <code>{t("scErrorCode", { code: "SECURITY_CONFIG_FETCH_FAILED" })}</code>
              </>
            }
            retryId="sc-retry"
            retryLabel={t("scRetry")}
            onRetry={() => void fetchPolicy()}
          >
            <Button variant="link" component="a" href="https://www.keycloak.org/community" target="_blank">
              {t("scContactSupport")}
            </Button>
          </LoadError>
        </PageSection>
      </>
    );
  }

  if (!load.policy.configured) {
    return (
      <>
        {header}
        <PageSection variant="light" id="sc-empty">
          <EmptyState>
            <EmptyStateHeader titleText={t("scEmptyTitle")} icon={<EmptyStateIcon icon={LockIcon} />} headingLevel="h2" />
            <EmptyStateBody>{t("scEmptyBody")}</EmptyStateBody>
            <EmptyStateFooter>
              {canEdit && (
                <Button id="sc-set-up-defaults" onClick={() => void setUpDefaults()}>
                  {t("scSetUpDefaults")}
                </Button>
              )}
              <p className="sc-hint">{t("scDefaultsSummary")}</p>
            </EmptyStateFooter>
          </EmptyState>
        </PageSection>
      </>
    );
  }

  const props = { draft: draft!, update, readOnly: !canEdit, errorsOf, warningsOf };
  const requiresMfa = !!confirming && confirmedOf(confirming).some((w) => w.code === "MFA_REQUIRED_ALL");
  return (
    <>
      {header}
      <PageSection className="sc-page keycloak__form" id="sc-settings">
        <Stack hasGutter>
          {!canEdit && (
            <StackItem>
              <Alert id="sc-read-only" variant="info" isInline title={t("scReadOnly")} />
            </StackItem>
          )}
          <StackItem>
            <SecurityOverviewSection api={api} />
          </StackItem>
          <StackItem>
            <StandardsSection api={api} canApply={canEdit} savedAt={load.policy.updatedAt} onApplied={fetchPolicy} />
          </StackItem>
          <StackItem>
            <PasswordSection {...props} />
          </StackItem>
          <StackItem>
            <SessionSection {...props} />
          </StackItem>
          <StackItem>
            <ActiveSessionsSection api={api} />
          </StackItem>
          <StackItem>
            <MfaSection {...props} api={api} status={mfaStatus} canSend={canEdit} choices={choices} />
          </StackItem>
          <StackItem>
            <SsoSection {...props} choices={choices} />
          </StackItem>
          <StackItem>
            <LockoutSection {...props} />
          </StackItem>
          <StackItem>
            <NotificationsSection {...props} />
          </StackItem>
          <StackItem>
            <AllowlistSection {...props} callerAddress={callerAddress} />
          </StackItem>
          <StackItem>
            <SectionCard
              id="sc-audit"
              title={t("scAuditLog")}
              actions={
                <Link id="sc-view-full-log" to={`/${encodeURIComponent(realm)}/security-settings/audit`}>
                  {t("scViewFullLog")}
                </Link>
              }
            >
              <p>{t("scRecentEvents")}</p>
              <AuditTable id="sc-audit-mini" events={recent} />
            </SectionCard>
          </StackItem>
          <StackItem>
            <LockedUsersSection api={api} canUnlock={hasAccess("manage-users")} />
          </StackItem>
          <StackItem>
            <p id="sc-last-updated">
              {load.policy.updatedAt ? t("scLastUpdated", { time: formatTime(load.policy.updatedAt), user: load.policy.updatedBy ?? "" }) : ""}
            </p>
          </StackItem>
        </Stack>
        {canEdit && (
          <ActionGroup className="keycloak__form_actions">
            <Button id="sc-save" onClick={() => void startSave()} isDisabled={!dirty || (preview?.errors.length ?? 0) > 0}>
              {t("scSaveChanges")}
            </Button>
            <Button id="sc-cancel" variant="link" onClick={() => { setDraft(structuredClone(load.policy)); setSaveErrors([]); }} isDisabled={!dirty}>
              {t("cancel")}
            </Button>
          </ActionGroup>
        )}
      </PageSection>
      {confirming && (
        <ConfirmModal id="sc-confirm-save" title={t(requiresMfa ? "scConfirmMfaTitle" : "scConfirmTitle")} confirmLabel={t(requiresMfa ? "scYesRequire2fa" : "scYesSave")} danger onConfirm={() => void save(confirming)} onCancel={() => setConfirming(undefined)}>
          <ul className="sc-confirm-list">
            {confirmedOf(confirming).map((w) => (
              <li key={w.code}>{warningText(w)}</li>
            ))}
          </ul>
          <p>{t("scContinue")}</p>
        </ConfirmModal>
      )}
      {blocker.state === "blocked" && (
        <ConfirmModal id="sc-unsaved-modal" title={t("scUnsavedTitle")} confirmLabel={t("scLeave")} danger onConfirm={() => blocker.proceed()} onCancel={() => blocker.reset()}>
          {t("scUnsavedBody")}
        </ConfirmModal>
      )}
    </>
  );
};
