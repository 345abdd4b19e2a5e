import { useWhoAmI } from "@keycloak/keycloak-admin-ui";
import { Alert, Button } from "@patternfly/react-core";
import { TimesIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { SecurityApi, UserSession } from "./api";
import { ConfirmModal, SectionCard, useToast } from "./components";
import { parseAddress } from "./ipRange";

type Row = UserSession & { current: boolean; device: string; location: string };

/** Loopback and private ranges have no location ("Local network"); anything else is "Remote". */
function locationOf(ip: string, t: TFunction) {
  const address = parseAddress(ip);
  if (!address) return t("scRemote");
  const v4 = address.v6 && address.network >> 32n === 0xffffn ? address.network & 0xffffffffn : address.v6 ? undefined : address.network;
  const local =
    v4 !== undefined
      ? v4 >> 24n === 127n || v4 >> 24n === 10n || v4 >> 20n === 0xac1n || v4 >> 16n === 0xc0a8n
      : address.network === 1n || address.network >> 121n === 0x7en || address.network >> 118n === 0x3fan;
  return local ? t("scLocalNetwork") : t("scRemote");
}

function ago(ms: number, t: TFunction) {
  const minutes = Math.floor((Date.now() - ms) / 60000);
  if (minutes < 1) return t("scNow");
  if (minutes < 60) return t("scMinutesAgo", { count: minutes });
  if (minutes < 1440) return t("scHoursAgo", { count: Math.floor(minutes / 60) });
  return t("scDaysAgo", { count: Math.floor(minutes / 1440) });
}

/**
 * The signed-in admin's own sessions, from Keycloak's admin API (users/{id}/sessions): the console's
 * token is issued to security-admin-console without account roles, so the account API refuses it.
 * Keycloak lists no browser or OS for a session there; the applications it signed in to stand in.
 */
export const ActiveSessionsSection = ({ api }: { api: SecurityApi }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const { whoAmI } = useWhoAmI();
  const [rows, setRows] = useState<Row[]>();
  const [unavailable, setUnavailable] = useState(false);
  const [confirm, setConfirm] = useState<Row | "others">();

  const load = useCallback(async () => {
    try {
      const [sessions, sid] = await Promise.all([api.userSessions(whoAmI.userId), api.currentSessionId()]);
      setRows(
        sessions
          .map((s) => ({
            ...s,
            current: s.id === sid,
            device: Object.values(s.clients).join(", ") || t("scUnknownDevice"),
            location: locationOf(s.ipAddress, t),
          }))
          .sort((a, b) => Number(b.current) - Number(a.current) || b.lastAccess - a.lastAccess),
      );
    } catch {
      setUnavailable(true);
    }
  }, [api, whoAmI.userId, t]);

  useEffect(() => {
    void load();
    // spec: the list refreshes every 60 s
    const timer = setInterval(() => void load(), 60000);
    return () => clearInterval(timer);
  }, [load]);

  const others = rows?.filter((r) => !r.current) ?? [];
  const current = rows?.find((r) => r.current);

  const terminate = async (targets: Row[]) => {
    setConfirm(undefined);
    await Promise.all(targets.map((r) => api.deleteSession(r.id)));
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
                <Th>{t("scIpAddress")}</Th>
                <Th>{t("scLocation")}</Th>
                <Th>{t("scLastActive")}</Th>
                <Th>{t("scStatus")}</Th>
                <Th screenReaderText={t("scActions")} />
              </Tr>
            </Thead>
            <Tbody>
              {rows?.map((r) => (
                <Tr
                  key={r.id}
                  className="sc-session-row"
                  data-current={r.current}
                  aria-label={t(r.current ? "scSessionSummaryCurrent" : "scSessionSummary", { device: r.device, location: r.location, lastActive: ago(r.lastAccess, t) })}
                >
                  <Td dataLabel={t("scDevice")}>{r.device}</Td>
                  <Td dataLabel={t("scIpAddress")}>{r.ipAddress}</Td>
                  <Td dataLabel={t("scLocation")}>{r.location}</Td>
                  <Td dataLabel={t("scLastActive")}>{ago(r.lastAccess, t)}</Td>
                  <Td dataLabel={t("scStatus")}>{r.current ? t("scCurrent") : t("scActive")}</Td>
                  <Td isActionCell>
                    {!r.current && (
                      <Button variant="plain" className="sc-terminate" aria-label={t("scTerminateOn", { device: r.device })} onClick={() => setConfirm(r)}>
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
