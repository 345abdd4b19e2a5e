import { Button } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../api";
import { formatTime } from "../../../shared/time";
import { changesOf, describeChange } from "./policyChanges";

type Props = {
  id: string;
  events: AuditEvent[];
  showIp?: boolean;
  /** When given, each event's name opens its details. */
  onOpen?: (event: AuditEvent) => void;
};

/** Who an event is about: the subject user, else the acting admin, else the address it came from. */
export const AuditTable = ({ id, events, showIp, onOpen }: Props) => {
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
            <Td dataLabel={t("scEvent")}>
              {onOpen ? (
                <Button variant="link" isInline className="sc-audit-open" onClick={() => onOpen(e)}>
                  {t(`scAudit_${e.type.replace(".", "_")}`, { defaultValue: e.type })}
                </Button>
              ) : (
                t(`scAudit_${e.type.replace(".", "_")}`, { defaultValue: e.type })
              )}
              {changesOf(e.details).length > 0 && (
                <ul className="sc-audit-changes">
                  {changesOf(e.details).map((c) => (
                    <li key={c.field}>{describeChange(c, t)}</li>
                  ))}
                </ul>
              )}
            </Td>
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
