import { Label, Title } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PastLockout, SecurityApi } from "./api";
import { formatTime } from "../../shared/time";

const ENDING_COLOR = { LOCKED: "red", UNLOCKED: "blue", EXPIRED: "grey" } as const;

/** The last 30 days of lockouts from the audit log; `reload` changes after an unlock so the ending shows at once. */
export const LockoutHistoryTable = ({ api, reload }: { api: SecurityApi; reload: number }) => {
  const { t } = useTranslation();
  const [history, setHistory] = useState<PastLockout[]>();

  useEffect(() => {
    let current = true;
    void api.lockoutHistory().then((rows) => current && setHistory(rows));
    return () => {
      current = false;
    };
  }, [api, reload]);

  const ending = (past: PastLockout) => {
    if (past.ended === "UNLOCKED") {
      // who unlocked is personal data: null for an admin who may not view users, and unknown for a re-enabled user
      return past.unlockedBy
        ? t("scLockoutUnlockedBy", { admin: past.unlockedBy, time: formatTime(past.endedAt) })
        : t("scLockoutUnlocked");
    }
    return t(past.ended === "LOCKED" ? "scLockoutStillLocked" : "scLockoutExpired");
  };

  return (
    <>
      <Title headingLevel="h3" size="md" className="pf-v5-u-mt-lg pf-v5-u-mb-sm" id="sc-lockout-history-title">
        {t("scLockoutHistory")}
      </Title>
      <Table aria-labelledby="sc-lockout-history-title" variant="compact" id="sc-lockout-history">
        <Thead>
          <Tr>
            <Th>{t("username")}</Th>
            <Th>{t("scLockedAt")}</Th>
            <Th>{t("scLockedFrom")}</Th>
            <Th>{t("scLockoutEnded")}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {history?.length === 0 && (
            <Tr>
              <Td colSpan={4}>{t("scNoLockoutHistory")}</Td>
            </Tr>
          )}
          {history?.map((past, index) => (
            <Tr key={`${past.userId ?? "hidden"}-${past.lockedAt}-${index}`} className="sc-lockout-history-row">
              <Td dataLabel={t("username")}>{past.username ?? t("scUserHidden")}</Td>
              <Td dataLabel={t("scLockedAt")}>
                {formatTime(past.lockedAt)}
                {past.permanent && ` · ${t("scManualUnlock")}`}
              </Td>
              <Td dataLabel={t("scLockedFrom")}>{past.ipAddress ?? "—"}</Td>
              <Td dataLabel={t("scLockoutEnded")}>
                <Label color={ENDING_COLOR[past.ended]} isCompact>
                  {ending(past)}
                </Label>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};
