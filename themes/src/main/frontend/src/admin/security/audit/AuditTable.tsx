import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../api";
import { formatTime } from "../../../shared/time";

/** Who an event is about: the subject user, else the acting admin, else the address it came from. */
export const AuditTable = ({ id, events, showIp }: { id: string; events: AuditEvent[]; showIp?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("scRecentEvents")} variant="compact" id={id}>
      <Thead>
        <Tr>
          <Th>{t("scTime")}</Th>
          <Th>{t("scEvent")}</Th>
          <Th>{t("scUser")}</Th>
          {showIp && <Th>{t("scIpAddress")}</Th>}
        </Tr>
      </Thead>
      <Tbody>
        {events.length === 0 && (
          <Tr>
            <Td colSpan={showIp ? 4 : 3}>{t("scNoEvents")}</Td>
          </Tr>
        )}
        {events.map((e) => (
          <Tr key={e.id} className="sc-audit-row">
            <Td dataLabel={t("scTime")}>{formatTime(e.time)}</Td>
            <Td dataLabel={t("scEvent")}>{t(`scAudit_${e.type.replace(".", "_")}`, { defaultValue: e.type })}</Td>
            <Td dataLabel={t("scUser")}>
              {e.username ?? (e.actorUsername ? `(${e.actorUsername})` : e.ipAddress ?? "")}
            </Td>
            {showIp && <Td dataLabel={t("scIpAddress")}>{e.ipAddress}</Td>}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
