import { Page, useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  HelperText,
  HelperTextItem,
  Stack,
  StackItem,
  Switch,
  Text,
  TextContent,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadError, LoadingSection } from "../../shared/states";
import { chooseNewSignIn, forgetDevice, getNotifications, type OwnNotifications } from "./api";

/**
 * Profile ▸ Notifications: which security emails the user gets (a mail the organisation does not send is not
 * offered; one it always sends is shown on and locked, with why), and the browsers the account recognises.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert, addError } = useAccountAlerts();
  const [own, setOwn] = useState<OwnNotifications>();
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    getNotifications(context, abort.signal)
      .then(setOwn)
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [reload]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      addAlert(t(done));
      setReload((n) => n + 1);
    } catch (error) {
      addError("notificationsSaveFailed", error);
    } finally {
      setBusy(false);
    }
  };

  const content = () => {
    if (failed && !own) {
      return (
        <LoadError
          title={t("notificationsLoadError")}
          body={t("securityLoadErrorBody")}
          retryLabel={t("securityRetry")}
          onRetry={() => setReload((n) => n + 1)}
        />
      );
    }
    if (!own) {
      return <LoadingSection label={t("notificationsLoading")} />;
    }
    const { newSignIn, credentialChanges, devices } = own;
    return (
      <Stack hasGutter>
        <StackItem>
          <Card id="notifications-email">
            <CardHeader>
              <CardTitle component="h2">{t("notificationsEmailTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              <Stack hasGutter>
                {!newSignIn.offered && !credentialChanges.offered && <Text>{t("notificationsNoneOffered")}</Text>}
                {newSignIn.offered && (
                  <StackItem>
                    <Switch
                      id="notifications-new-sign-in"
                      label={t("notificationsNewSignIn")}
                      isChecked={newSignIn.enabled}
                      isDisabled={busy}
                      onChange={(_e, checked) =>
                        void act(() => chooseNewSignIn(context, checked), "notificationsSaved")
                      }
                    />
                    <HelperText>
                      <HelperTextItem>{t("notificationsNewSignInHelp")}</HelperTextItem>
                    </HelperText>
                  </StackItem>
                )}
                {credentialChanges.offered && (
                  <StackItem>
                    <Switch
                      id="notifications-credential-changes"
                      label={t("notificationsCredentialChanges")}
                      isChecked={credentialChanges.enabled}
                      isDisabled={credentialChanges.enforced}
                      aria-describedby="notifications-credential-changes-why"
                    />
                    <HelperText id="notifications-credential-changes-why">
                      <HelperTextItem>{t("notificationsCredentialChangesEnforced")}</HelperTextItem>
                    </HelperText>
                  </StackItem>
                )}
              </Stack>
            </CardBody>
          </Card>
        </StackItem>
        <StackItem>
          <Card id="notifications-devices">
            <CardHeader>
              <CardTitle component="h2">{t("notificationsDevicesTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              <TextContent>
                <Text>{t("notificationsDevicesHelp")}</Text>
              </TextContent>
              {devices.length === 0 ? (
                <Text id="notifications-no-devices">{t("notificationsNoDevices")}</Text>
              ) : (
                <Table aria-label={t("notificationsDevicesTitle")} variant="compact" data-testid="devices">
                  <Thead>
                    <Tr>
                      <Th>{t("notificationsDevice")}</Th>
                      <Th>{t("notificationsFirstSeen")}</Th>
                      <Th>{t("notificationsLastSeen")}</Th>
                      <Th screenReaderText={t("notificationsActions")} />
                    </Tr>
                  </Thead>
                  <Tbody>
                    {devices.map((device) => (
                      <Tr key={device.id}>
                        <Td dataLabel={t("notificationsDevice")}>{device.name}</Td>
                        <Td dataLabel={t("notificationsFirstSeen")}>{device.firstSeen}</Td>
                        <Td dataLabel={t("notificationsLastSeen")}>{device.lastSeen}</Td>
                        <Td isActionCell>
                          <Button
                            variant="secondary"
                            isDanger
                            isDisabled={busy}
                            aria-label={t("notificationsForgetDeviceNamed", { name: device.name })}
                            onClick={() => void act(() => forgetDevice(context, device.id), "notificationsForgotten")}
                          >
                            {t("notificationsForgetDevice")}
                          </Button>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </CardBody>
          </Card>
        </StackItem>
      </Stack>
    );
  };

  return (
    <Page title={t("notificationsTitle")} description={t("notificationsDescription")}>
      {content()}
    </Page>
  );
}
