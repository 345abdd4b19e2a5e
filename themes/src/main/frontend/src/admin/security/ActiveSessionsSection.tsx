import { useWhoAmI } from "@keycloak/keycloak-admin-ui";
import { Alert, Button } from "@patternfly/react-core";
import { TimesIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { SecurityApi } from "./api";
import type { Session } from "../../shared/generated/api";
import { ConfirmModal, SectionCard, useToast } from "./components";

function ago(iso: string, t: TFunction) {
  const minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return t("scNow");
  if (minutes < 60) return t("scMinutesAgo", { count: minutes });
  if (minutes < 1440) return t("scHoursAgo", { count: Math.floor(minutes / 60) });
  return t("scDaysAgo", { count: Math.floor(minutes / 1440) });
}

/**
 * The signed-in admin's own sessions in the rows the account console shows (device from the User-Agent, city and
 * country, address), from the admin's own realm — master for master-realm admins. Ending one goes through
 * Keycloak's admin API, which the audit log records as `auth.session_revoked` by an admin.
 */
export const ActiveSessionsSection = ({ api }: { api: SecurityApi }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const { whoAmI } = useWhoAmI();
  const [rows, setRows] = useState<Session[]>();
  const [unavailable, setUnavailable] = useState(false);
  const [confirm, setConfirm] = useState<Session | "others">();

  const load = useCallback(async () => {
    try {
      const { sessions } = await api.ownSessions(whoAmI.realm, whoAmI.userId);
      setRows([...sessions].sort((a, b) => Number(b.current) - Number(a.current)));
    } catch {
      setUnavailable(true);
    }
  }, [api, whoAmI.realm, whoAmI.userId]);

  useEffect(() => {
    void load();
    // spec: the list refreshes every 60 s
    const timer = setInterval(() => void load(), 60000);
    return () => clearInterval(timer);
  }, [load]);

  const others = rows?.filter((r) => !r.current) ?? [];
  const current = rows?.find((r) => r.current);

  const terminate = async (targets: Session[]) => {
    setConfirm(undefined);
    await Promise.all(targets.map((r) => api.deleteSession(whoAmI.realm, r)));
    toast("success", targets.length === 1 ? t("scSessionTerminated") : t("scSessionsTerminated", { count: targets.length }));
    await load();
  };

  return (
    <SectionCard id="sc-active-sessions" title={t("scActiveSessions")}>
      {unavailable ? (
        <Alert variant="info" isInline title={t("scSessionsUnavailable")} />
      ) : (
        <>
          <Table aria-label={t("scYourSessions")} variant="compact" id="sc-sessions-table">
            <Thead>
              <Tr>
                <Th>{t("scDevice")}</Th>
                <Th>{t("scLocation")}</Th>
                <Th>{t("scIpAddress")}</Th>
                <Th>{t("scLastActive")}</Th>
                <Th>{t("scStatus")}</Th>
                <Th screenReaderText={t("scActions")} />
              </Tr>
            </Thead>
            <Tbody>
              {rows?.map((r) => (
                <Tr
                  key={`${r.id}-${r.offline}`}
                  className="sc-session-row"
                  data-current={r.current}
                  aria-label={t(r.current ? "scSessionSummaryCurrent" : "scSessionSummary", { device: r.device, location: r.location ?? "", lastActive: ago(r.lastActive, t) })}
                >
                  <Td dataLabel={t("scDevice")}>{r.device}</Td>
                  <Td dataLabel={t("scLocation")}>{r.location ?? ""}</Td>
                  <Td dataLabel={t("scIpAddress")}>{r.ip}</Td>
                  <Td dataLabel={t("scLastActive")}>
                    <time dateTime={r.lastActive} title={new Date(r.lastActive).toLocaleString()}>
                      {ago(r.lastActive, t)}
                    </time>
                  </Td>
                  <Td dataLabel={t("scStatus")}>{r.current ? t("scCurrent") : t("scActive")}</Td>
                  <Td isActionCell>
                    {!r.current && (
                      <Button variant="plain" aria-label={t("scTerminateOn", { device: r.device })} onClick={() => setConfirm(r)}>
                        <TimesIcon />
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Button id="sc-terminate-others" className="sc-below-table" variant="secondary" isDanger isDisabled={others.length === 0} aria-label={t("scTerminateOthersAria")} onClick={() => setConfirm("others")}>
            {t("scTerminateOthers")}
          </Button>
          {current && <p className="sc-hint">{t("scCurrentStays", { device: current.device })}</p>}
        </>
      )}
      {confirm === "others" && (
        <ConfirmModal id="sc-terminate-modal" title={t("scTerminateOthersTitle", { count: others.length })} confirmLabel={t("scYesTerminateAll")} danger onConfirm={() => void terminate(others)} onCancel={() => setConfirm(undefined)}>
          {t("scTerminateOthersBody", { device: current?.device ?? "" })}
        </ConfirmModal>
      )}
      {confirm && confirm !== "others" && (
        <ConfirmModal id="sc-terminate-modal" title={t("scTerminateOneTitle", { device: confirm.device })} confirmLabel={t("scYesTerminate")} danger onConfirm={() => void terminate([confirm])} onCancel={() => setConfirm(undefined)}>
          {t("scTerminateOneBody")}
        </ConfirmModal>
      )}
    </SectionCard>
  );
};
