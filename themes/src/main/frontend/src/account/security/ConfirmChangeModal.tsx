import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Button, Form, Modal, ModalVariant, Stack, StackItem } from "@patternfly/react-core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/apiError";
import { CodeInput } from "../../shared/CodeInput";
import { isReauthenticationRequired, reauthenticate } from "./api";

type Props = {
  title: string;
  explain: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The server wants a current authenticator or recovery code (`confirmWith: APP_CODE`); else nothing is typed. */
  askCode?: boolean;
  /** Shown when the action failed for a reason the server did not name. */
  failedLabel: string;
  /** Runs the action (with the code when asked for); a rejection is shown in the dialog. */
  onConfirm: (code?: string) => Promise<void>;
  onClose: () => void;
  /** What to show once the action succeeded (the modal then only offers to close). */
  result?: ReactNode;
  resultClosable?: boolean;
};

/**
 * The one dialog for a change to the user's second factors (new recovery codes, turning 2FA off, removing a
 * passkey): it asks for a code when the server wants one, sends the user through Keycloak's sign-in again when the
 * server says their sign-in is too old, and shows a refusal the server explains (409: the organisation requires 2FA).
 */
export function ConfirmChangeModal({
  title,
  explain,
  confirmLabel,
  danger,
  askCode = false,
  failedLabel,
  onConfirm,
  onClose,
  result,
  resultClosable = true,
}: Props) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [reauth, setReauth] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (askCode && code.trim() === "") {
      setCodeError(t("securityFieldRequired"));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(askCode ? code.trim() : undefined);
    } catch (failure) {
      if (isReauthenticationRequired(failure)) {
        setReauth(true);
      } else if (failure instanceof ApiError && failure.status === 409 && failure.errors[0]) {
        setRefusal(failure.errors[0].message);
      } else if (askCode) {
        setCodeError(t("securityCodeRejected"));
      } else {
        setRefusal(failedLabel);
      }
    } finally {
      setBusy(false);
    }
  };

  const footer = result ? (
    <Button variant="primary" onClick={onClose} isDisabled={!resultClosable}>
      {t("securityDone")}
    </Button>
  ) : (
    <>
      {reauth ? (
        <Button variant="primary" id="sc-reauthenticate" onClick={() => reauthenticate(context)}>
          {t("securitySignInAgain")}
        </Button>
      ) : (
        <Button
          type="submit"
          form="security-confirm-change"
          id="sc-confirm-change"
          variant={danger ? "danger" : "primary"}
          isLoading={busy}
          isDisabled={busy || refusal !== undefined}
        >
          {confirmLabel}
        </Button>
      )}
      <Button variant="link" onClick={onClose}>
        {t("securityCancel")}
      </Button>
    </>
  );

  return (
    <Modal
      className="sc-modal"
      variant={ModalVariant.small}
      titleIconVariant={danger ? "warning" : undefined}
      title={title}
      isOpen
      onClose={result && !resultClosable ? undefined : onClose}
      showClose={!result || resultClosable}
      footer={footer}
    >
      {result ?? (
        <Form id="security-confirm-change" onSubmit={submit} noValidate>
          <Stack hasGutter>
            {refusal ? (
              <StackItem>
                <Alert variant="danger" isInline isPlain title={refusal} data-testid="confirm-change-refused" />
              </StackItem>
            ) : reauth ? (
              <StackItem>{t("securityReauthenticateToChange")}</StackItem>
            ) : (
              <StackItem>{explain}</StackItem>
            )}
            {askCode && !refusal && !reauth && (
              <StackItem>
                <CodeInput
                  id="security-confirm-code"
                  label={t("securityCodeOrRecoveryCode")}
                  value={code}
                  onChange={(value) => {
                    setCode(value);
                    setCodeError(undefined);
                  }}
                  error={codeError}
                />
              </StackItem>
            )}
          </Stack>
        </Form>
      )}
    </Modal>
  );
}
