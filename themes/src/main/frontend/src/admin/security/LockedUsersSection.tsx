import { Button } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LockedUser, SecurityApi } from "./api";
import { formatTime } from "../../shared/time";
import { SectionCard, useToast } from "./components";
import { LockoutHistoryTable } from "./LockoutHistoryTable";

export const LockedUsersSection = ({ api, canUnlock }: { api: SecurityApi; canUnlock: boolean }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const [users, setUsers] = useState<LockedUser[]>();
  const [unlocks, setUnlocks] = useState(0);

  const load = useCallback(async () => setUsers(await api.lockouts()), [api]);
  useEffect(() => void load(), [load]);

  const unlock = async (user: LockedUser) => {
    if (!user.userId) {
      return;
    }
    await api.unlock(user.userId);
    toast("success", t("scUnlocked", { username: user.username }));
    setUnlocks((n) => n + 1);
    await load();
  };

  return (
    <SectionCard id="sc-locked-users" title={t("scLockedUsers")}>
      <Table aria-label={t("scLockedUsers")} variant="compact" id="sc-locked-table">
        <Thead>
          <Tr>
            <Th>{t("username")}</Th>
            <Th>{t("scFailures")}</Th>
            <Th>{t("scLastFailure")}</Th>
            <Th>{t("scLockedUntil")}</Th>
            <Th screenReaderText={t("scActions")} />
          </Tr>
        </Thead>
        <Tbody>
          {users?.length === 0 && (
            <Tr>
              <Td colSpan={5}>{t("scNoLockedUsers")}</Td>
            </Tr>
          )}
          {users?.map((u, index) => (
            // without view-users the server leaves the person out (userId and username are null)
            <Tr key={u.userId ?? `hidden-${index}`} className="sc-locked-row">
              <Td dataLabel={t("username")}>{u.username ?? t("scUserHidden")}</Td>
              <Td dataLabel={t("scFailures")}>{u.failures}</Td>
              <Td dataLabel={t("scLastFailure")}>
                {formatTime(u.lastFailure)} {u.lastFailureIp && `(${u.lastFailureIp})`}
              </Td>
              <Td dataLabel={t("scLockedUntil")}>{u.permanent ? t("scManualUnlock") : formatTime(u.until)}</Td>
              <Td isActionCell>
                {canUnlock && u.userId && (
                  <Button variant="secondary" aria-label={t("scUnlockUser", { username: u.username })} onClick={() => void unlock(u)}>
                    {t("scUnlock")}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <LockoutHistoryTable api={api} reload={unlocks} />
    </SectionCard>
  );
};
