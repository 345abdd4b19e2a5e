import {
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  ExpandableSection,
} from "@patternfly/react-core";
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon } from "@patternfly/react-icons";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Finding, Preview, SecurityApi } from "./api";
import { ConfirmModal, SectionCard, useToast } from "./components";

/** The element each policy field is edited in, so a finding can take the admin there. */
const FIELD_ELEMENTS: Record<string, string> = {
  "password.minLength": "sc-password-min-length",
  "password.complexity": "sc-password-requireUppercase",
  "password.expiryDays": "sc-password-expiry",
  "password.blockCommon": "sc-password-block-common",
  "password.blockBreached": "sc-password-block-breached",
  "sessions.idleTimeoutMinutes": "sc-sessions-idle",
  "sessions.maxLifetimeHours": "sc-sessions-max",
  "mfa.enforcement": "sc-mfa-REQUIRED_ALL",
  "mfa.methods": "sc-mfa-method-TOTP",
  "lockout.maxFailures": "sc-lockout-failures",
};

const StatusIcon = ({ status }: { status: Finding["status"] }) => {
  const { t } = useTranslation();
  const label = t(`scFindingStatus_${status}`);
  if (status === "MET") return <CheckCircleIcon color="var(--pf-v5-global--success-color--100)" title={label} aria-label={label} />;
  if (status === "PARTIAL") return <ExclamationTriangleIcon color="var(--pf-v5-global--warning-color--100)" title={label} aria-label={label} />;
  return <ExclamationCircleIcon color="var(--pf-v5-global--danger-color--100)" title={label} aria-label={label} />;
};

const goTo = (field: string) => {
  const element = document.getElementById(FIELD_ELEMENTS[field] ?? "");
  element?.scrollIntoView({ behavior: "smooth", block: "center" });
  element?.focus({ preventScroll: true });
};

const FindingList = ({ id, label, findings }: { id: string; label: string; findings: Finding[] }) => (
  <DataList id={id} aria-label={label} isCompact>
    {findings.map((f, i) => (
      <DataListItem key={i} className={`sc-finding sc-finding-${f.status}`}>
        <DataListItemRow>
          <DataListItemCells
            dataListCells={[
              <DataListCell key="status" isFilled={false}>
                <StatusIcon status={f.status} />
              </DataListCell>,
              <DataListCell key="ref" width={1}>
                <strong>{f.ref}</strong>
              </DataListCell>,
              <DataListCell key="message" width={4}>
                {f.message}
              </DataListCell>,
              <DataListCell key="field" width={1}>
                {f.field && FIELD_ELEMENTS[f.field] ? (
                  <Button variant="link" isInline className="sc-finding-field" onClick={() => goTo(f.field!)}>
                    {f.field}
                  </Button>
                ) : (
                  f.field
                )}
              </DataListCell>,
            ]}
          />
        </DataListItemRow>
      </DataListItem>
    ))}
  </DataList>
);

/**
 * "Standards": the saved policy checked by the server against NIST SP 800-63B rev 4 and OWASP ASVS 5.0, worst
 * first (the met ones folded away), each finding linked to the setting that decides it; and the NIST preset, previewed and confirmed like a save.
 */
export const StandardsSection = ({ api, canApply, savedAt, onApplied }: { api: SecurityApi; canApply: boolean; savedAt?: string | null; onApplied: () => Promise<void> }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const [findings, setFindings] = useState<Finding[]>();
  const [confirming, setConfirming] = useState<Preview>();
  const [showMet, setShowMet] = useState(false);

  const refresh = useCallback(() => api.assessment().then((a) => setFindings(a.findings), () => setFindings([])), [api]);
  useEffect(() => void refresh(), [refresh, savedAt]);

  const order: Record<Finding["status"], number> = { NOT_MET: 0, PARTIAL: 1, MET: 2 };
  const sorted = [...(findings ?? [])].sort((a, b) => order[a.status] - order[b.status]);
  const notMet = sorted.filter((f) => f.status === "NOT_MET").length;
  const open = sorted.filter((f) => f.status !== "MET");
  const met = sorted.filter((f) => f.status === "MET");

  const preview = async () => {
    const result = await api.previewPreset("nist-800-63b");
    if (result.errors.length) toast("danger", t("scPresetInvalid"));
    else setConfirming(result);
  };
  const apply = async () => {
    setConfirming(undefined);
    try {
      await api.applyPreset("nist-800-63b");
      toast("success", t("scPresetApplied"));
      await onApplied();
    } catch {
      toast("danger", t("scSaveFailed"));
    }
  };

  return (
    <SectionCard
      id="sc-standards"
      title={t("scStandards")}
      actions={
        canApply && (
          <Button id="sc-preset-nist" variant="secondary" onClick={() => void preview()}>
            {t("scApplyNistPreset")}
          </Button>
        )
      }
    >
      <p id="sc-standards-summary">{findings && t("scStandardsSummary", { count: notMet, total: sorted.length })}</p>
      <FindingList id="sc-findings" label={t("scStandards")} findings={open} />
      {met.length > 0 && (
        <ExpandableSection
          id="sc-findings-met"
          toggleText={t(showMet ? "scHideMet" : "scShowMet", { count: met.length })}
          isExpanded={showMet}
          onToggle={(_e, expanded) => setShowMet(expanded)}
        >
          {showMet && <FindingList id="sc-findings-met-list" label={t("scFindingStatus_MET")} findings={met} />}
        </ExpandableSection>
      )}
      {confirming && (
        <ConfirmModal id="sc-preset-modal" title={t("scPresetTitle")} confirmLabel={t("scPresetConfirm")} danger onConfirm={() => void apply()} onCancel={() => setConfirming(undefined)}>
          <p>{t("scPresetExplained")}</p>
          <ul className="sc-confirm-list">
            {confirming.warnings.map((w) => (
              <li key={w.code}>{t(`scWarn_${w.code}`, { count: w.count, defaultValue: w.message })}</li>
            ))}
          </ul>
        </ConfirmModal>
      )}
    </SectionCard>
  );
};
