import {
  Header,
  PageNav,
  useAccountAlerts,
  useEnvironment,
  usePromise,
  type AccountEnvironment,
  type Feature,
} from "@keycloak/keycloak-account-ui";
import { ErrorPage } from "@keycloak/keycloak-ui-shared";
import { AlertVariant, Page, Spinner } from "@patternfly/react-core";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  RouterProvider,
  type RouteObject,
} from "react-router-dom";
import { replacedRoutes, routes, unlistedRoutes } from "./routes";

/** An entry of content.json, the menu that the stock PageNav renders. */
type MenuItem = { isVisible?: keyof Feature } & (
  | { path: string; id?: string }
  | { children: MenuItem[] }
);

/** Routes for the menu's pages, leaving out pages whose feature is off for this realm. */
function menuRoutes(menu: MenuItem[], features: Feature): RouteObject[] {
  return menu.flatMap((item): RouteObject[] => {
    if ("children" in item) {
      return menuRoutes(item.children, features);
    }
    if (item.isVisible && !features[item.isVisible]) {
      return [];
    }
    // `id` lets a menu item point at a route whose path differs from the item's own.
    const route = routes.find(({ path }) => path === (item.id ?? item.path));
    return route ? [{ path: item.path, element: route.element }] : [];
  });
}

function PageNotFound() {
  const { t } = useTranslation();
  const { addAlert } = useAccountAlerts();

  useEffect(() => {
    addAlert(t("pageNotFound"), AlertVariant.warning);
  }, [addAlert, t]);

  return <Navigate to=".." replace />;
}

export function Root() {
  const { environment } = useEnvironment<AccountEnvironment>();
  const [router, setRouter] = useState<ReturnType<typeof createBrowserRouter>>();

  // As in the stock console, the menu decides which pages exist. It is a theme resource:
  // keycloak.v3's content.json until this theme ships its own in resources/.
  usePromise(
    async (signal) => {
      const response = await fetch(`${environment.resourceUrl}/content.json`, { signal });
      return (await response.json()) as MenuItem[];
    },
    (menu) =>
      setRouter(
        createBrowserRouter([
          {
            // Page paths are relative to the console's own, e.g. /realms/demo/account/.
            path: decodeURIComponent(new URL(environment.baseUrl).pathname),
            element: (
              <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
                <Suspense fallback={<Spinner />}>
                  <Outlet />
                </Suspense>
              </Page>
            ),
            errorElement: <ErrorPage />,
            children: [
              ...menuRoutes(menu, environment.features),
              ...replacedRoutes,
              ...unlistedRoutes,
              { path: "*", element: <PageNotFound /> },
            ],
          },
        ]),
      ),
  );

  return router ? <RouterProvider router={router} /> : <Spinner />;
}
