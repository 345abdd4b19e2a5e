import { useAccess, useAdminClient, useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import { Alert, Button, PageSection } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { Session } from "../../shared/generated/api";
import { formatTime } from "../../shared/time";
import { useSecurityApi, type UserSessions } from "../security/api";
import { ConfirmModal, ToastProvider, useToast } from "../security/components";

/**
 * A user's sessions in the account console's rows (device, location, address, last active), the one
 * place an admin sees where and on what a user is signed in. Reached from the stock user details page
 * (see UserSecurityLink): Keycloak's admin UI has no way to add a tab of our own to that page.
 */
export default function UserSecurityPage() {
  return (
    <ToastProvider>
      <UserSecurity />
    </ToastProvider>
  );
}

const UserSecurity = () => {
  const { t } = useTranslation();
  const toast = useToast();
  const api = useSecurityApi();
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const { id } = useParams<{ id: string }>();
  const [username, setUsername] = useState<string>();
  const [rows, setRows] = useState<UserSessions>();
  const [failed, setFailed] = useState(false);
  const [confirm, setConfirm] = useState<Session>();

  const load = useCallback(async () => {
    try {
      setRows(await api.userSessions(id!));
    } catch {
      setFailed(true);
    }
  }, [api, id]);

  useEffect(() => {
    void adminClient.users.findOne({ id: id! }).then((user) => setUsername(user?.username));
    void load();
  }, [adminClient, id, load]);

  const terminate = async (session: Session) => {
    setConfirm(undefined);
    await api.deleteSession(realm, session);
    toast("success", t("scSessionTerminated"));
    await load();
  };

  const userPath = `/${encodeURIComponent(realm)}/users/${encodeURIComponent(id!)}/settings`;
  return (
    <>
      <ViewHeader titleKey={t("scUserSecurityTitle", { username: username ?? "" })} subKey="scUserSecurityIntro" />
      <PageSection variant="light" id="sc-user-security">
        <Link id="sc-back-to-user" to={userPath}>
          {t("scBackToUser", { username: username ?? "" })}
        </Link>
        {failed ? (
          <Alert variant="danger" isInline title={t("scUserSessionsFailed")} />
        ) : (
          <Table aria-label={t("scUserSessions")} variant="compact" id="sc-user-sessions">
            <Thead>
              <Tr>
                <Th>{t("scDevice")}</Th>
                <Th>{t("scLocation")}</Th>
                <Th>{t("scIpAddress")}</Th>
                <Th>{t("scStarted")}</Th>
                <Th>{t("scLastActive")}</Th>
                <Th screenReaderText={t("scActions")} />
              </Tr>
            </Thead>
            <Tbody>
              {rows?.sessions.length === 0 && (
                <Tr>
                  <Td colSpan={6}>{t("scUserNoSessions")}</Td>
                </Tr>
              )}
              {rows?.sessions.map((s) => (
                <Tr key={`${s.id}-${s.offline}`} className="sc-user-session">
                  <Td dataLabel={t("scDevice")}>{s.device}</Td>
                  <Td dataLabel={t("scLocation")}>{s.location ?? ""}</Td>
                  <Td dataLabel={t("scIpAddress")}>{s.ip}</Td>
                  <Td dataLabel={t("scStarted")}>{formatTime(s.started)}</Td>
                  <Td dataLabel={t("scLastActive")}>{formatTime(s.lastActive)}</Td>
                  <Td isActionCell>
                    {hasAccess("manage-users") && (
                      <Button variant="link" isDanger onClick={() => setConfirm(s)}>
                        {t("scTerminate")}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {rows?.locationAttribution && <p className="sc-attribution">{rows.locationAttribution}</p>}
      </PageSection>
      {confirm && (
        <ConfirmModal
          id="sc-user-terminate-modal"
          title={t("scTerminateOneTitle", { device: confirm.device })}
          confirmLabel={t("scYesTerminate")}
          danger
          onConfirm={() => void terminate(confirm)}
          onCancel={() => setConfirm(undefined)}
        >
          {t("scUserTerminateBody", { username: username ?? "" })}
        </ConfirmModal>
      )}
    </>
  );
};
