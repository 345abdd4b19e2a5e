import { Alert, AlertActionLink } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

/** At this many codes or fewer, a user who loses the phone is close to being locked out of their own account. */
export const FEW_RECOVERY_CODES = 2;

/** Warns a user who is running out of recovery codes and offers the regeneration right there. */
export function RecoveryCodesWarning({ left, onRegenerate }: { left: number; onRegenerate: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="warning"
      isInline
      className="pf-v5-u-mb-md"
      data-testid="recovery-codes-warning"
      title={t(left === 0 ? "securityRecoveryCodesNoneTitle" : "securityRecoveryCodesFewTitle", { count: left })}
      actionLinks={<AlertActionLink onClick={onRegenerate}>{t("securityRegenerate")}</AlertActionLink>}
    >
      {t("securityRecoveryCodesFewBody")}
    </Alert>
  );
}
