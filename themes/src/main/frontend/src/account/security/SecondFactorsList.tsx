import { useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
  Split,
  SplitItem,
  Text,
  TextContent,
  TextInput,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/apiError";
import { LoadError, LoadingSection } from "../../shared/states";
import { dateTime } from "../../shared/time";
import { ConfirmChangeModal } from "./ConfirmChangeModal";
import {
  addPasskey,
  getSecondFactors,
  removePasskey,
  renamePasskey,
  type SecondFactor,
  type SecondFactors,
} from "./api";

type Dialog = { kind: "rename" | "remove"; factor: SecondFactor };

/** Must match the server's limit (OwnSecondFactors.LABEL_MAX); the server refuses longer names anyway. */
const LABEL_MAX = 64;

/**
 * Two-factor ▸ "Your sign-in factors": every factor the user holds, each passkey with its name, when it was added
 * and when it last signed the user in; passkeys are added through Keycloak's registration page, renamed, and
 * removed after a recent sign-in. `reload` changes force a refresh; `onChanged` tells the page a factor went.
 */
export function SecondFactorsList({ reload, onChanged }: { reload: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const locale = context.environment.locale;
  const [list, setList] = useState<SecondFactors>();
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();

  useEffect(() => {
    const abort = new AbortController();
    getSecondFactors(context, abort.signal)
      .then((result) => {
        setList(result);
        setFailed(false);
      })
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
    // The context object is stable for the page's life; re-fetch only on the triggers.
  }, [tick, reload]);

  if (failed && !list) {
    return (
      <LoadError
        title={t("securityFactorsLoadError")}
        body={t("securityLoadErrorBody")}
        retryLabel={t("securityRetry")}
        onRetry={() => setTick((n) => n + 1)}
      />
    );
  }
  if (!list) {
    return <LoadingSection label={t("securityFactorsLoading")} />;
  }

  const done = (message: string) => {
    addAlert(message);
    setDialog(undefined);
    // the page reloads its overview and hands this list a new `reload`
    onChanged();
  };

  return (
    <div className="pf-v5-u-mt-lg" data-testid="second-factors">
      <Split hasGutter className="pf-v5-u-mb-sm">
        <SplitItem isFilled>
          <TextContent>
            <Text component="h3">{t("securityFactorsTitle")}</Text>
          </TextContent>
        </SplitItem>
        {list.passkeysAvailable && (
          <SplitItem>
            <Button variant="secondary" id="sc-add-passkey" onClick={() => addPasskey(context)}>
              {t("securityPasskeyAdd")}
            </Button>
          </SplitItem>
        )}
      </Split>
      {list.factors.length === 0 ? (
        <TextContent>
          <Text component="p" data-testid="second-factors-empty">
            {t("securityFactorsEmpty")}
          </Text>
        </TextContent>
      ) : (
        <Table aria-label={t("securityFactorsTitle")} variant="compact">
          <Thead>
            <Tr>
              <Th>{t("securityFactorMethod")}</Th>
              <Th>{t("securityFactorName")}</Th>
              <Th>{t("securityFactorCreated")}</Th>
              <Th>{t("securityFactorLastUsed")}</Th>
              <Th screenReaderText={t("securityActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {list.factors.map((factor) => (
              <Tr key={factor.id} data-factor-id={factor.id} data-method={factor.method}>
                <Td dataLabel={t("securityFactorMethod")}>{t(`securityFactorMethod${factor.method}`)}</Td>
                <Td dataLabel={t("securityFactorName")} data-testid="factor-label">
                  {factor.label ?? "—"}
                </Td>
                <Td dataLabel={t("securityFactorCreated")}>
                  {factor.created ? dateTime(new Date(factor.created), locale) : "—"}
                </Td>
                <Td dataLabel={t("securityFactorLastUsed")}>
                  {factor.lastUsed
                    ? dateTime(new Date(factor.lastUsed), locale)
                    : factor.method === "PASSKEY"
                      ? t("securityFactorNeverUsed")
                      : "—"}
                </Td>
                <Td isActionCell modifier="nowrap">
                  {factor.method === "PASSKEY" && (
                    <>
                      <Button
                        variant="link"
                        className="sc-touch"
                        aria-label={t("securityPasskeyRenameLabel", { name: factor.label ?? "" })}
                        onClick={() => setDialog({ kind: "rename", factor })}
                      >
                        {t("securityPasskeyRename")}
                      </Button>
                      <Button
                        variant="link"
                        isDanger
                        className="sc-touch"
                        aria-label={t("securityPasskeyRemoveLabel", { name: factor.label ?? "" })}
                        onClick={() => setDialog({ kind: "remove", factor })}
                      >
                        {t("securityPasskeyRemove")}
                      </Button>
                    </>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {dialog?.kind === "rename" && (
        <RenameModal
          factor={dialog.factor}
          onClose={() => setDialog(undefined)}
          onRename={async (label) => {
            await renamePasskey(context, dialog.factor.id, label);
            done(t("securityPasskeyRenamed"));
          }}
        />
      )}
      {dialog?.kind === "remove" && (
        <ConfirmChangeModal
          title={t("securityPasskeyRemoveTitle", { name: dialog.factor.label ?? "" })}
          explain={t("securityPasskeyRemoveBody")}
          confirmLabel={t("securityPasskeyRemove")}
          danger
          failedLabel={t("securityPasskeyRemoveFailed")}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await removePasskey(context, dialog.factor.id);
            done(t("securityPasskeyRemoved"));
          }}
        />
      )}
    </div>
  );
}

function RenameModal({
  factor,
  onClose,
  onRename,
}: {
  factor: SecondFactor;
  onClose: () => void;
  onRename: (label: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(factor.label ?? "");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === "") {
      setError(t("securityFieldRequired"));
      return;
    }
    setBusy(true);
    try {
      await onRename(label.trim());
    } catch (failure) {
      // the server names the broken rule under the field (400), or the passkey is gone (404)
      setError(
        failure instanceof ApiError && failure.errors[0]?.message
          ? failure.errors[0].message
          : t("securityPasskeyRenameFailed"),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      className="sc-modal"
      variant={ModalVariant.small}
      title={t("securityPasskeyRenameTitle")}
      isOpen
      onClose={onClose}
      footer={
        <>
          <Button type="submit" form="sc-passkey-rename" variant="primary" isLoading={busy} isDisabled={busy}>
            {t("securitySave")}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t("securityCancel")}
          </Button>
        </>
      }
    >
      <Form id="sc-passkey-rename" onSubmit={submit} noValidate>
        <FormGroup label={t("securityFactorName")} fieldId="sc-passkey-label" isRequired>
          <TextInput
            id="sc-passkey-label"
            value={label}
            maxLength={LABEL_MAX}
            validated={error ? "error" : "default"}
            onChange={(_, value) => {
              setLabel(value);
              setError(undefined);
            }}
          />
          {error && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error" id="sc-passkey-label-error">
                  {error}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      </Form>
    </Modal>
  );
}
