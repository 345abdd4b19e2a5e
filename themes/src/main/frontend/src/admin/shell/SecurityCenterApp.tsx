import {
  AdminClientProvider,
  AppContexts,
  Header,
  PageBreadCrumbs,
} from "@keycloak/keycloak-admin-ui";
import { Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { AccessWall } from "./AccessWall";
import { SecurityCenterNav } from "./SecurityCenterNav";

/**
 * The stock console's shell (admin client, server info, realm, who-am-I and access contexts,
 * masthead, breadcrumbs) with a navigation that also lists the Security Center pages.
 */
export const SecurityCenterApp = () => (
  <AdminClientProvider>
    <AppContexts>
      <Page
        header={<Header />}
        isManagedSidebar
        sidebar={<SecurityCenterNav />}
        breadcrumb={<PageBreadCrumbs />}
        mainContainerId="kc-main-content-page-container"
      >
        <Suspense fallback={<Spinner />}>
          <AccessWall>
            <Outlet />
          </AccessWall>
        </Suspense>
      </Page>
    </AppContexts>
  </AdminClientProvider>
);
