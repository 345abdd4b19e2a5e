import { useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Button, Label, Modal, ModalVariant, Split, SplitItem, Text, TextContent } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getSessions, terminateOtherSessions, terminateSession, type Session, type Sessions } from "./api";
import { LoadError, LoadingSection } from "../../shared/states";
import { relativeTime } from "../../shared/time";

/** Sessions elsewhere start and end on their own; the list follows without a reload. */
const REFRESH_MS = 60_000;

type Confirm = { kind: "one"; session: Session } | { kind: "others"; count: number };

/** The user's own sessions, newest activity first, current one marked. `reload` changes force a refresh. */
export function SessionsSection({ reload }: { reload: number }) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert, addError } = useAccountAlerts();
  const locale = context.environment.locale;
  const [list, setList] = useState<Sessions>();
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const [confirm, setConfirm] = useState<Confirm>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    getSessions(context, abort.signal)
      .then((result) => {
        setList(result);
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) {
          setFailed(true);
        }
      });
    return () => abort.abort();
    // The context object is stable for the page's life; re-fetch only on the triggers.
  }, [tick, reload]);

  if (failed && !list) {
    return (
      <LoadError
        title={t("securitySessionsLoadError")}
        body={t("securityLoadErrorBody")}
        retryLabel={t("securityRetry")}
        onRetry={() => setTick((n) => n + 1)}
      />
    );
  }
  if (!list) {
    return <LoadingSection label={t("securitySessionsLoading")} />;
  }

  const { sessions, locationAttribution } = list;
  const others = sessions.filter((s) => !s.current);

  const run = async () => {
    if (!confirm) {
      return;
    }
    setBusy(true);
    try {
      if (confirm.kind === "one" && confirm.session.current) {
        // The server refuses to end the session the page runs in; Keycloak's own sign-out ends it and
        // leaves the browser on the sign-in page, as any sign-out does.
        await context.keycloak.logout();
        return;
      } else if (confirm.kind === "one") {
        await terminateSession(context, confirm.session.id);
        addAlert(t("securitySessionTerminated"));
      } else {
        const { terminated } = await terminateOtherSessions(context);
        addAlert(t("securitySessionsTerminated", { count: terminated }));
      }
    } catch (error) {
      addError("securitySessionTerminateFailed", error);
    } finally {
      setBusy(false);
      setConfirm(undefined);
      setTick((n) => n + 1);
    }
  };

  const summary = (s: Session) =>
    t(s.current ? "securitySessionSummaryCurrent" : "securitySessionSummary", {
      device: s.device,
      location: s.location,
      lastActive: relativeTime(new Date(s.lastActive), locale),
    });

  return (
    <>
      <Split hasGutter className="pf-v5-u-mb-md">
        <SplitItem isFilled>
          <TextContent>
            <Text component="p">{t("securitySessionsExplain")}</Text>
          </TextContent>
        </SplitItem>
        {others.length > 0 && (
          <SplitItem>
            <Button
              variant="secondary"
              isDanger
              aria-label={t("securitySignOutOthersLabel")}
              onClick={() => setConfirm({ kind: "others", count: others.length })}
            >
              {t("securitySignOutOthers")}
            </Button>
          </SplitItem>
        )}
      </Split>
      {sessions.length === 0 ? (
        <TextContent>
          <Text component="p">{t("securitySessionsEmpty")}</Text>
        </TextContent>
      ) : (
        <Table aria-label={t("securitySessions")} variant="compact" data-testid="sessions">
          <Thead>
            <Tr>
              <Th>{t("securityDevice")}</Th>
              <Th>{t("securityIpAddress")}</Th>
              <Th>{t("securityLocation")}</Th>
              <Th>{t("securityLastActive")}</Th>
              <Th>{t("securityStatus")}</Th>
              <Th screenReaderText={t("securityActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {sessions.map((s) => (
              <Tr key={s.id} data-session-id={s.id}>
                <Td dataLabel={t("securityDevice")}>
                  {s.device}
                  <span className="pf-v5-screen-reader">{summary(s)}</span>
                </Td>
                <Td dataLabel={t("securityIpAddress")}>{s.ip}</Td>
                <Td dataLabel={t("securityLocation")}>{s.location}</Td>
                <Td dataLabel={t("securityLastActive")}>
                  <time dateTime={s.lastActive} title={new Date(s.lastActive).toLocaleString(locale)}>
                    {relativeTime(new Date(s.lastActive), locale)}
                  </time>
                </Td>
                <Td dataLabel={t("securityStatus")}>
                  {s.current ? (
                    <Label color="blue" data-testid="current-session">
                      {t("securityCurrent")}
                    </Label>
                  ) : (
                    t("securityActive")
                  )}
                </Td>
                <Td isActionCell>
                  <Button
                    variant="link"
                    isDanger
                          aria-label={t(s.current ? "securitySignOutHereLabel" : "securitySignOutLabel", { device: s.device })}
                    onClick={() => setConfirm({ kind: "one", session: s })}
                  >
                    {t("securitySignOut")}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {locationAttribution && (
        <TextContent className="pf-v5-u-mt-sm">
          <Text component="small">
            <a href="https://db-ip.com" target="_blank" rel="noreferrer">
              {t("securityGeoAttribution")}
            </a>{" "}
            {t("securityGeoLicence")}
          </Text>
        </TextContent>
      )}

      {confirm && (
        <Modal
          className="sc-modal"
          variant={ModalVariant.small}
          titleIconVariant="warning"
          title={
            confirm.kind === "one"
              ? t(confirm.session.current ? "securitySignOutHereConfirmTitle" : "securitySignOutConfirmTitle", {
                  device: confirm.session.device,
                })
              : t("securitySignOutOthersConfirmTitle", { count: confirm.count })
          }
          isOpen
          onClose={() => setConfirm(undefined)}
          footer={
            <>
              <Button variant="danger" onClick={run} isLoading={busy} isDisabled={busy}>
                {t("securitySignOut")}
              </Button>
              <Button variant="link" onClick={() => setConfirm(undefined)}>
                {t("securityCancel")}
              </Button>
            </>
          }
        >
          {confirm.kind === "others"
            ? t("securitySignOutOthersConfirmBody")
            : t(confirm.session.current ? "securitySignOutHereConfirmBody" : "securitySignOutConfirmBody")}
        </Modal>
      )}
    </>
  );
}
