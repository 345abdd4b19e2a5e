import { useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
} from "@patternfly/react-core";
import { CheckCircleIcon, TimesCircleIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { disableMfa, regenerateRecoveryCodes, type Overview } from "./api";
import { ConfirmChangeModal } from "./ConfirmChangeModal";
import { RecoveryCodesList } from "./RecoveryCodesList";
import { FEW_RECOVERY_CODES, RecoveryCodesWarning } from "./RecoveryCodesWarning";
import { dateTime } from "../../shared/time";
import { TotpEnrolment } from "./TotpEnrolment";

type Props = { twoFactor: Overview["twoFactor"]; onChanged: () => void };
type Dialog = "enrol" | "regenerate" | "disable";

export function TwoFactorSection({ twoFactor: mfa, onChanged }: Props) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const [dialog, setDialog] = useState<Dialog>();
  const [newCodes, setNewCodes] = useState<string[]>();
  const [saved, setSaved] = useState(false);
  // the server's rule: a user with an authenticator app types a code, anyone else signs in again if it is too long ago
  const appCode = mfa.confirmWith === "APP_CODE";

  const close = () => {
    setDialog(undefined);
    setNewCodes(undefined);
    setSaved(false);
  };

  return (
    <>
      {mfa.enabled && mfa.recoveryCodesLeft !== null && mfa.recoveryCodesLeft <= FEW_RECOVERY_CODES && (
        <RecoveryCodesWarning left={mfa.recoveryCodesLeft} onRegenerate={() => setDialog("regenerate")} />
      )}
      <DescriptionList isHorizontal isCompact horizontalTermWidthModifier={{ default: "12rem" }}>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("securityTwoFactorStatus")}</DescriptionListTerm>
          <DescriptionListDescription>
            {mfa.enabled ? (
              <Label color="green" icon={<CheckCircleIcon />} data-testid="mfa-status">
                {t("securityEnabled")}
              </Label>
            ) : (
              <Label color="grey" icon={<TimesCircleIcon />} data-testid="mfa-status">
                {t("securityDisabled")}
              </Label>
            )}
            {mfa.enforced && <span className="pf-v5-u-ml-sm pf-v5-u-color-200">{t("securityTwoFactorEnforced")}</span>}
          </DescriptionListDescription>
        </DescriptionListGroup>
        {mfa.enabled && mfa.since && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t("securityEnrolledAt")}</DescriptionListTerm>
            <DescriptionListDescription>
              {dateTime(new Date(mfa.since), context.environment.locale)}
            </DescriptionListDescription>
          </DescriptionListGroup>
        )}
        {mfa.enabled && mfa.recoveryCodesLeft !== null && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t("securityRecoveryCodesLeft")}</DescriptionListTerm>
            <DescriptionListDescription>{mfa.recoveryCodesLeft}</DescriptionListDescription>
          </DescriptionListGroup>
        )}
      </DescriptionList>
      <Flex className="pf-v5-u-mt-md">
        {!mfa.authenticatorApp && mfa.available && (
          <FlexItem>
            <Button variant={mfa.enabled ? "secondary" : "primary"} onClick={() => setDialog("enrol")}>
              {t("securityTotpSetUp")}
            </Button>
          </FlexItem>
        )}
        {!mfa.enabled && !mfa.available && (
          <FlexItem className="pf-v5-u-color-200" data-testid="mfa-not-offered">
            {t("securityTwoFactorNotOffered")}
          </FlexItem>
        )}
        {mfa.enabled && (
          <FlexItem>
            <Button variant="secondary" onClick={() => setDialog("regenerate")}>
              {t("securityRegenerateRecoveryCodes")}
            </Button>
          </FlexItem>
        )}
        {mfa.enabled && !mfa.enforced && (
          <FlexItem>
            <Button variant="secondary" isDanger onClick={() => setDialog("disable")}>
              {t("securityDisableTwoFactor")}
            </Button>
          </FlexItem>
        )}
      </Flex>

      {dialog === "enrol" && <TotpEnrolment onClose={close} onEnabled={onChanged} />}
      {dialog === "regenerate" && (
        <ConfirmChangeModal
          title={t("securityRegenerateRecoveryCodes")}
          explain={t(appCode ? "securityRegenerateExplain" : "securityRegenerateExplainSignIn")}
          confirmLabel={t("securityRegenerate")}
          askCode={appCode}
          failedLabel={t("securityRegenerateFailed")}
          onConfirm={async (code) => {
            setNewCodes((await regenerateRecoveryCodes(context, code)).recoveryCodes);
            onChanged();
          }}
          onClose={close}
          result={newCodes && <RecoveryCodesList codes={newCodes} saved={saved} onSavedChange={setSaved} />}
          resultClosable={saved}
        />
      )}
      {dialog === "disable" && (
        <ConfirmChangeModal
          title={t("securityDisableTwoFactor")}
          explain={t(appCode ? "securityDisableExplain" : "securityDisableExplainSignIn")}
          confirmLabel={t("securityDisable")}
          danger
          askCode={appCode}
          failedLabel={t("securityDisableFailed")}
          onConfirm={async (code) => {
            await disableMfa(context, code);
            addAlert(t("securityTwoFactorDisabled"));
            close();
            onChanged();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
