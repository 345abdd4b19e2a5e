import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  Pagination,
  PaginationVariant,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../shared/generated/api";
import { getActivity } from "./api";
import { LoadError, LoadingSection } from "../../shared/states";
import { dateTime } from "../../shared/time";

const PAGE_SIZES = [10, 20, 50].map((value) => ({ title: String(value), value }));

/** The user's own security events, newest first, a page at a time. */
export function ActivitySection() {
  const { t, i18n } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(10);
  const [events, setEvents] = useState<AuditEvent[]>();
  const [hasMore, setHasMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setEvents(undefined);
    setFailed(false);
    // One more than a page tells whether a next page exists without counting the whole log.
    getActivity(context, (page - 1) * perPage, perPage + 1, abort.signal)
      .then((list) => {
        setHasMore(list.length > perPage);
        setEvents(list.slice(0, perPage));
      })
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [page, perPage, attempt]);

  if (failed) {
    return (
      <LoadError
        title={t("securityActivityLoadError")}
        body={t("securityLoadErrorBody")}
        retryLabel={t("securityRetry")}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  }
  if (!events) {
    return <LoadingSection label={t("securityActivityLoading")} />;
  }
  if (events.length === 0 && page === 1) {
    return (
      <EmptyState variant="sm">
        <EmptyStateHeader titleText={t("securityActivityEmpty")} headingLevel="h3" />
        <EmptyStateBody>{t("securityActivityEmptyBody")}</EmptyStateBody>
      </EmptyState>
    );
  }

  // i18next reads dots in keys as nesting, so the type's dots become underscores.
  const eventName = (type: string) => {
    const key = `securityEvent_${type.replace(/\./g, "_")}`;
    return i18n.exists(key) ? t(key) : type;
  };

  const pagination = (variant: PaginationVariant) => (
    <Pagination
      variant={variant}
      page={page}
      perPage={perPage}
      perPageOptions={PAGE_SIZES}
      // Without a total, PatternFly pages on as long as the item count reaches past the current page.
      itemCount={(page - 1) * perPage + events.length + (hasMore ? 1 : 0)}
      toggleTemplate={({ firstIndex, lastIndex }) => (
        <>{t("securityActivityRange", { first: firstIndex, last: lastIndex })}</>
      )}
      onSetPage={(_, next) => setPage(next)}
      onPerPageSelect={(_, size) => {
        setPerPage(size);
        setPage(1);
      }}
      titles={{ paginationAriaLabel: t("securityActivityPagination") }}
      isCompact
    />
  );

  return (
    <>
      {pagination(PaginationVariant.top)}
      <Table aria-label={t("securityActivity")} variant="compact" data-testid="activity">
        <Thead>
          <Tr>
            <Th>{t("securityTime")}</Th>
            <Th>{t("securityEvent")}</Th>
            <Th>{t("securityIpAddress")}</Th>
            <Th>{t("securityBy")}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {events.map((event) => (
            <Tr key={event.id}>
              <Td dataLabel={t("securityTime")}>
                <time dateTime={event.time}>{dateTime(new Date(event.time), context.environment.locale)}</time>
              </Td>
              <Td dataLabel={t("securityEvent")}>{eventName(event.type)}</Td>
              <Td dataLabel={t("securityIpAddress")}>{event.ipAddress ?? "—"}</Td>
              <Td dataLabel={t("securityBy")}>
                {event.actorUsername && event.actorUsername !== event.username ? event.actorUsername : t("securityByYou")}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination(PaginationVariant.bottom)}
    </>
  );
}
