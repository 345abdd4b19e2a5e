import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  ClipboardCopy,
  Form,
  Modal,
  ModalVariant,
  ProgressStep,
  ProgressStepper,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/apiError";
import { CodeInput } from "../../shared/CodeInput";
import {
  isReauthenticationRequired,
  reauthenticate,
  startTotp,
  verifyTotp,
  type PendingTotp,
} from "./api";
import { RecoveryCodesList } from "./RecoveryCodesList";

const STEPS = ["generate", "scan", "verify", "save", "enabled"] as const;
type Step = (typeof STEPS)[number];

type Props = { onClose: () => void; onEnabled: () => void };

/** Generate → Scan → Verify → Save recovery codes (unless the user keeps theirs) → Enabled, in a modal. */
export function TotpEnrolment({ onClose, onEnabled }: Props) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [step, setStep] = useState<Step>("generate");
  const [pending, setPending] = useState<PendingTotp>();
  const [expired, setExpired] = useState(false);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  // The pending secret lives on the server for a limited time; past it, only a new one can be verified.
  useEffect(() => {
    if (!pending) {
      return;
    }
    setExpired(false);
    const left = new Date(pending.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => setExpired(true), Math.max(left, 0));
    return () => clearTimeout(timer);
  }, [pending]);

  const generate = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      setPending(await startTotp(context));
      setCode("");
      setCodeError(undefined);
      setStep("scan");
    } catch (error) {
      if (isReauthenticationRequired(error)) {
        await reauthenticate(context);
        return;
      }
      setFailure(t("securityTotpGenerateFailed"));
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6,8}$/.test(code.trim())) {
      setCodeError(t("securityCodeFormat"));
      return;
    }
    setBusy(true);
    try {
      const codes = (await verifyTotp(context, code.trim())).recoveryCodes;
      setRecoveryCodes(codes);
      // a user who already holds recovery codes keeps them: nothing new to save
      setStep(codes.length > 0 ? "save" : "enabled");
      onEnabled();
    } catch (error) {
      if (isReauthenticationRequired(error)) {
        await reauthenticate(context);
        return;
      }
      // 409: the server no longer holds the pending secret; only a new one can be verified.
      if (error instanceof ApiError && error.status === 409) {
        setExpired(true);
      } else {
        setCodeError(t("securityCodeRejected"));
      }
    } finally {
      setBusy(false);
    }
  };

  const current = STEPS.indexOf(step);
  const qrSource = pending?.qrCode.startsWith("data:") ? pending.qrCode : `data:image/png;base64,${pending?.qrCode}`;
  // Once the codes are shown, closing would lose them unless the user says they kept them.
  const closable = step !== "save";

  const regenerate = (
    <Alert
      isInline
      variant="warning"
      title={t("securityQrExpired")}
      actionLinks={
        <Button variant="link" isInline onClick={generate} isLoading={busy}>
          {t("securityRegenerate")}
        </Button>
      }
    >
      {t("securityQrExpiredBody")}
    </Alert>
  );

  return (
    <Modal
      className="sc-modal"
      variant={ModalVariant.medium}
      title={t("securityTotpWizardTitle")}
      isOpen
      onClose={closable ? onClose : undefined}
      showClose={closable}
      footer={
        <>
          {step === "generate" && (
            <Button variant="primary" onClick={generate} isLoading={busy} isDisabled={busy}>
              {t("securityTotpGenerate")}
            </Button>
          )}
          {step === "scan" && (
            <Button variant="primary" onClick={() => setStep("verify")} isDisabled={expired}>
              {t("securityNext")}
            </Button>
          )}
          {step === "verify" && (
            <>
              <Button variant="secondary" onClick={() => setStep("scan")}>
                {t("securityBack")}
              </Button>
              <Button type="submit" form="security-totp-verify" variant="primary" isLoading={busy} isDisabled={busy || expired}>
                {t("securityVerify")}
              </Button>
            </>
          )}
          {step === "save" && (
            <Button variant="primary" onClick={() => setStep("enabled")} isDisabled={!saved}>
              {t("securityNext")}
            </Button>
          )}
          {step === "enabled" && (
            <Button variant="primary" onClick={onClose}>
              {t("securityDone")}
            </Button>
          )}
          {step !== "save" && step !== "enabled" && (
            <Button variant="link" onClick={onClose}>
              {t("securityCancel")}
            </Button>
          )}
        </>
      }
    >
      <Stack hasGutter>
        <StackItem>
          <ProgressStepper isCenterAligned aria-label={t("securityTotpWizardTitle")}>
            {STEPS.map((name, index) => (
              <ProgressStep
                key={name}
                id={`security-totp-step-${name}`}
                titleId={`security-totp-step-${name}-title`}
                variant={index < current ? "success" : index === current ? "info" : "pending"}
                isCurrent={index === current}
                aria-label={t(`securityTotpStep_${name}`)}
              >
                {t(`securityTotpStep_${name}`)}
              </ProgressStep>
            ))}
          </ProgressStepper>
        </StackItem>
        {failure && (
          <StackItem>
            <Alert isInline variant="danger" title={failure} />
          </StackItem>
        )}
        {step === "generate" && <StackItem>{t("securityTotpGenerateExplain")}</StackItem>}
        {step === "scan" && pending && (
          <>
            {!expired && <StackItem>{t("securityTotpScanExplain")}</StackItem>}
            {expired ? (
              // the key and QR code are of a secret the server has dropped: nothing to scan any more
              <StackItem>{regenerate}</StackItem>
            ) : (
              <>
                <StackItem className="sc-qr">
                  <img src={qrSource} alt={t("securityQrAlt")} width={200} height={200} />
                </StackItem>
                <StackItem>
                  {/* PatternFly generates the input's id; the input carries the same words as its aria-label. */}
                  <strong aria-hidden="true">{t("securityManualKey")}</strong>
                  <ClipboardCopy
                    id="security-totp-secret"
                    textAriaLabel={t("securityManualKey")}
                    isReadOnly
                    hoverTip={t("securityCopy")}
                    clickTip={t("securityCopied")}
                    data-testid="totp-secret"
                  >
                    {pending.secret}
                  </ClipboardCopy>
                </StackItem>
              </>
            )}
          </>
        )}
        {step === "verify" && (
          <StackItem>
            {expired && regenerate}
            <Form id="security-totp-verify" onSubmit={verify} noValidate>
              <CodeInput
                id="security-totp-code"
                label={t("securityTotpCode")}
                numeric
                value={code}
                onChange={(value) => {
                  setCode(value);
                  setCodeError(undefined);
                }}
                error={codeError}
                hint={t("securityTotpCodeHelp")}
              />
            </Form>
          </StackItem>
        )}
        {step === "save" && (
          <StackItem>
            <RecoveryCodesList codes={recoveryCodes} saved={saved} onSavedChange={setSaved} />
          </StackItem>
        )}
        {step === "enabled" && (
          <StackItem>
            <Alert isInline variant="success" title={t("securityTotpEnabled")}>
              {t("securityTotpEnabledExplain")}
              {recoveryCodes.length === 0 && <> {t("securityTotpKeptRecoveryCodes")}</>}
            </Alert>
          </StackItem>
        )}
      </Stack>
    </Modal>
  );
}
