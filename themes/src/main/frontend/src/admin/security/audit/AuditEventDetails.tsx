import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  DrawerActions,
  DrawerCloseButton,
  DrawerHead,
  DrawerPanelBody,
  DrawerPanelContent,
  Title,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../api";
import { formatTime } from "../../../shared/time";
import { changesOf, describeChange } from "./policyChanges";

/** Every field of one audit event, its details as the server stored them (what an export would show). */
export const AuditEventDetails = ({ event, onClose }: { event: AuditEvent; onClose: () => void }) => {
  const { t } = useTranslation();
  const changes = changesOf(event.details);
  const fields: [string, string | null][] = [
    ["scTime", `${formatTime(event.time)} (${event.time})`],
    ["scEvent", `${t(`scAudit_${event.type.replace(".", "_")}`, { defaultValue: event.type })} (${event.type})`],
    ["scUser", event.username],
    ["scActor", event.actorUsername],
    ["scClient", event.clientId],
    ["scIpAddress", event.ipAddress],
    ["scEventId", event.id],
  ];
  return (
    <DrawerPanelContent id="sc-audit-details" widths={{ default: "width_33" }}>
      <DrawerHead>
        <Title headingLevel="h2" size="lg">
          {t("scEventDetails")}
        </Title>
        <DrawerActions>
          <DrawerCloseButton aria-label={t("scCloseDetails")} onClick={onClose} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        <DescriptionList isCompact>
          {fields.map(([label, value]) => (
            <DescriptionListGroup key={label}>
              <DescriptionListTerm>{t(label)}</DescriptionListTerm>
              <DescriptionListDescription>{value ?? "\u2014"}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
          {changes.length > 0 && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t("scChanges")}</DescriptionListTerm>
              <DescriptionListDescription>
                <ul className="sc-audit-changes">
                  {changes.map((c) => (
                    <li key={c.field}>{describeChange(c, t)}</li>
                  ))}
                </ul>
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
          <DescriptionListGroup>
            <DescriptionListTerm>{t("scDetails")}</DescriptionListTerm>
            <DescriptionListDescription>
              <pre className="sc-audit-json">{JSON.stringify(event.details ?? {}, null, 2)}</pre>
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </DrawerPanelBody>
    </DrawerPanelContent>
  );
};
