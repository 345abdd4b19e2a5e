import { Button, Form, Modal, ModalVariant, Stack, StackItem } from "@patternfly/react-core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CodeInput } from "../../shared/CodeInput";

type Props = {
  title: string;
  explain: string;
  confirmLabel: string;
  danger?: boolean;
  /** Runs the action with the code; a rejection means the code was refused. */
  onConfirm: (code: string) => Promise<void>;
  onClose: () => void;
  /** What to show once the action succeeded (the modal then only offers to close). */
  result?: ReactNode;
  resultClosable?: boolean;
};

/** Asks for a current authenticator or recovery code before a change to the second factor. */
export function CodeConfirmModal({ title, explain, confirmLabel, danger, onConfirm, onClose, result, resultClosable = true }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === "") {
      setError(t("securityFieldRequired"));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(code.trim());
    } catch {
      setError(t("securityCodeRejected"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      className="sc-modal"
      variant={ModalVariant.small}
      title={title}
      isOpen
      onClose={result && !resultClosable ? undefined : onClose}
      showClose={!result || resultClosable}
      footer={
        result ? (
          <Button variant="primary" onClick={onClose} isDisabled={!resultClosable}>
            {t("securityDone")}
          </Button>
        ) : (
          <>
            <Button
              type="submit"
              form="security-code-confirm"
              variant={danger ? "danger" : "primary"}
              isLoading={busy}
              isDisabled={busy}
            >
              {confirmLabel}
            </Button>
            <Button variant="link" onClick={onClose}>
              {t("securityCancel")}
            </Button>
          </>
        )
      }
    >
      {result ?? (
        <Stack hasGutter>
          <StackItem>{explain}</StackItem>
          <StackItem>
            <Form id="security-code-confirm" onSubmit={submit} noValidate>
              <CodeInput
                id="security-confirm-code"
                label={t("securityCodeOrRecoveryCode")}
                value={code}
                onChange={(value) => {
                  setCode(value);
                  setError(undefined);
                }}
                error={error}
              />
            </Form>
          </StackItem>
        </Stack>
      )}
    </Modal>
  );
}
