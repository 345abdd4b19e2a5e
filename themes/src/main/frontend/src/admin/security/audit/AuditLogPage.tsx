import { useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import {
  Breadcrumb,
  BreadcrumbItem,
  Button,
  DatePicker,
  Drawer,
  DrawerContent,
  DrawerContentBody,
  FormSelect,
  FormSelectOption,
  PageSection,
  Pagination,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type AuditEvent, type AuditFilter, useSecurityApi } from "../api";
import { AuditEventDetails } from "./AuditEventDetails";
import { AuditTable } from "./AuditTable";

export const AUDIT_TYPES = [
  "auth.login_succeeded",
  "auth.login_failed",
  "auth.account_locked",
  "auth.account_unlocked",
  "auth.password_changed",
  "auth.2fa_enabled",
  "auth.2fa_disabled",
  "auth.2fa_recovery_codes_regenerated",
  "auth.session_revoked",
  "auth.ip_denied",
  "policy.updated",
  "policy.2fa_reminders_sent",
];

/** The full security audit log: filters, paging (newest first) and CSV / JSON Lines export. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const api = useSecurityApi();
  const { realm } = useRealm();
  const [open, setOpen] = useState<AuditEvent>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [applied, setApplied] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(20);
  const [events, setEvents] = useState<AuditEvent[]>();
  const [hasMore, setHasMore] = useState(false);

  const load = useCallback(async () => {
    // one row more than shown tells whether a next page exists (the API returns no total)
    const rows = await api.audit(applied, (page - 1) * perPage, perPage + 1);
    setHasMore(rows.length > perPage);
    setEvents(rows.slice(0, perPage));
  }, [api, applied, page, perPage]);
  useEffect(() => void load(), [load]);

  const download = async (format: "csv" | "jsonl") => {
    const blob = await api.exportAudit(applied, format);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `security-audit.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <>
      <PageSection variant="light" className="sc-breadcrumb">
        <Breadcrumb id="sc-audit-breadcrumb">
          <BreadcrumbItem
            render={() => <Link id="sc-back-to-settings" to={`/${encodeURIComponent(realm)}/security-settings`}>{t("scSecuritySettings")}</Link>}
          />
          <BreadcrumbItem isActive>{t("scAuditLogTitle")}</BreadcrumbItem>
        </Breadcrumb>
      </PageSection>
      <ViewHeader titleKey="scAuditLogTitle" subKey="scAuditLogIntro" />
      <PageSection variant="light" padding={{ default: "noPadding" }}>
        <Drawer isExpanded={open !== undefined} isInline>
          <DrawerContent panelContent={open && <AuditEventDetails event={open} onClose={() => setOpen(undefined)} />}>
            <DrawerContentBody hasPadding>
              <Toolbar id="sc-audit-filters">
                <ToolbarContent>
                  <ToolbarItem widths={{ default: "220px" }}>
                    <FormSelect id="sc-audit-type" aria-label={t("scEvent")} value={filter.type ?? ""} onChange={(_e, v) => setFilter({ ...filter, type: v || undefined })}>
                      <FormSelectOption value="" label={t("scAllEvents")} />
                      {AUDIT_TYPES.map((type) => (
                        <FormSelectOption key={type} value={type} label={t(`scAudit_${type.replace(".", "_")}`)} />
                      ))}
                    </FormSelect>
                  </ToolbarItem>
                  <ToolbarItem widths={{ default: "160px" }}>
                    <TextInput id="sc-audit-user" aria-label={t("scUser")} placeholder={t("scUser")} value={filter.user ?? ""} onChange={(_e, v) => setFilter({ ...filter, user: v || undefined })} />
                  </ToolbarItem>
                  {/* each date's label and picker wrap as one, never the picker alone onto the next line */}
                  <ToolbarGroup id="sc-audit-from-group" variant="filter-group">
                    <ToolbarItem variant="label">
                      <label htmlFor="sc-audit-from">{t("scFrom")}</label>
                    </ToolbarItem>
                    <ToolbarItem>
                      <DatePicker value={filter.from ?? ""} onChange={(_e, v) => setFilter({ ...filter, from: v || undefined })} inputProps={{ id: "sc-audit-from" }} />
                    </ToolbarItem>
                  </ToolbarGroup>
                  <ToolbarGroup id="sc-audit-to-group" variant="filter-group">
                    <ToolbarItem variant="label">
                      <label htmlFor="sc-audit-to">{t("scTo")}</label>
                    </ToolbarItem>
                    <ToolbarItem>
                      <DatePicker value={filter.to ?? ""} onChange={(_e, v) => setFilter({ ...filter, to: v || undefined })} inputProps={{ id: "sc-audit-to" }} />
                    </ToolbarItem>
                  </ToolbarGroup>
                </ToolbarContent>
                <ToolbarContent>
                  <ToolbarItem>
                    <Button id="sc-audit-search" onClick={() => { setPage(1); setApplied(filter); }}>
                      {t("scApplyFilters")}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button id="sc-audit-export-csv" variant="secondary" onClick={() => void download("csv")}>
                      {t("scExportCsv")}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button id="sc-audit-export-json" variant="secondary" onClick={() => void download("jsonl")}>
                      {t("scExportJson")}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
                    <Pagination
                      id="sc-audit-pagination"
                      isCompact
                      page={page}
                      perPage={perPage}
                      itemCount={(page - 1) * perPage + (events?.length ?? 0) + (hasMore ? 1 : 0)}
                      toggleTemplate={({ firstIndex, lastIndex }) => <>{`${firstIndex} - ${lastIndex}`}</>}
                      onSetPage={(_e, p) => setPage(p)}
                      onPerPageSelect={(_e, pp) => { setPerPage(pp); setPage(1); }}
                    />
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
              {events && <AuditTable id="sc-audit-table" events={events} showIp onOpen={setOpen} />}
            </DrawerContentBody>
          </DrawerContent>
        </Drawer>
      </PageSection>
    </>
  );
}
