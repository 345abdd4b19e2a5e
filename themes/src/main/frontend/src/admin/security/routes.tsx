import type { routes as stockRoutes } from "@keycloak/keycloak-admin-ui";
import type { TFunction } from "i18next";
import { lazy } from "react";

const SecuritySettingsPage = lazy(() => import("./SecuritySettingsPage"));
const AuditLogPage = lazy(() => import("./audit/AuditLogPage"));

type AppRoute = (typeof stockRoutes)[number];

export const securityRoutes: AppRoute[] = [
  {
    path: "/:realm/security-settings",
    element: <SecuritySettingsPage />,
    handle: { access: "view-realm", breadcrumb: (t: TFunction) => t("scSecuritySettings") },
  },
  {
    path: "/:realm/security-settings/audit",
    element: <AuditLogPage />,
    handle: { access: "view-realm", breadcrumb: (t: TFunction) => t("scAuditLogTitle") },
  },
];
