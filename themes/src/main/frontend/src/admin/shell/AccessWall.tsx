import { useAccess } from "@keycloak/keycloak-admin-ui";
import { EmptyState, EmptyStateBody, EmptyStateHeader, EmptyStateIcon, PageSection } from "@patternfly/react-core";
import { LockIcon } from "@patternfly/react-icons";
import type { PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { useMatches } from "react-router-dom";

type AccessNeeded = Parameters<ReturnType<typeof useAccess>["hasAccess"]>[0];

/** Renders a page only for admins holding every role its route asks for (`handle.access`). */
export const AccessWall = ({ children }: PropsWithChildren) => {
  const { t } = useTranslation();
  const { hasAccess } = useAccess();
  const needed = useMatches().flatMap(({ handle }) => {
    const access = (handle as { access?: AccessNeeded | AccessNeeded[] } | undefined)?.access;
    return access === undefined ? [] : Array.isArray(access) ? access : [access];
  });
  if (hasAccess(...needed)) {
    return children;
  }
  return (
    <PageSection variant="light" id="sc-no-access">
      <EmptyState>
        <EmptyStateHeader titleText={t("scNoAccessTitle")} icon={<EmptyStateIcon icon={LockIcon} />} headingLevel="h1" />
        <EmptyStateBody>
          {t("scNoAccessBody", { roles: needed.filter((n) => typeof n === "string").join(", ") })}
        </EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};
