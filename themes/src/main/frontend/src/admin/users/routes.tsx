import type { routes as stockRoutes } from "@keycloak/keycloak-admin-ui";
import type { TFunction } from "i18next";
import { lazy } from "react";
import { UserSecurityLink } from "./UserSecurityLink";

const UserSecurityPage = lazy(() => import("./UserSecurityPage"));

type AppRoute = (typeof stockRoutes)[number];

/** The stock user details page, whose tab is a path parameter. */
const STOCK_USER_PAGE = "/:realm/users/:id/:tab";

/**
 * A user's Security view, and the stock user details page with the link to it above its tabs. The
 * view's static last segment outranks the stock page's `:tab`, so the stock page keeps every other tab.
 */
export function withUserSecurity(routes: AppRoute[]): AppRoute[] {
  return [
    {
      path: "/:realm/users/:id/security",
      element: <UserSecurityPage />,
      handle: { access: "view-users", breadcrumb: (t: TFunction) => t("scUserSecurity") },
    },
    ...routes.map((route) =>
      route.path === STOCK_USER_PAGE
        ? {
            ...route,
            element: (
              <>
                <UserSecurityLink />
                {route.element}
              </>
            ),
          }
        : route,
    ),
  ];
}
