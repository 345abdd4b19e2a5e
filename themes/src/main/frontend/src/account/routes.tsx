import { SigningIn, routes as stockRoutes } from "@keycloak/keycloak-account-ui";
import { Navigate, type RouteObject } from "react-router-dom";
import NotificationsPage from "./notifications/NotificationsPage";
import SecurityPage from "./security/SecurityPage";

/**
 * Every page the console can show, matched by path against the menu (content.json). As in the
 * stock console, a page is reachable only while the menu lists it, so a new page needs both a
 * route here and a menu item in the theme's resources/content.json.
 */
export const routes: RouteObject[] = [
  ...stockRoutes,
  { path: "security", element: <SecurityPage /> },
  { path: "notifications", element: <NotificationsPage /> },
];

/**
 * Stock pages that Security replaces: Device activity showed the same sessions as Security's
 * Sessions section in another shape, so the menu leaves it out and an old link or bookmark lands
 * on Security instead of on "page not found".
 */
export const replacedRoutes: RouteObject[] = [
  {
    path: "account-security/device-activity",
    element: <Navigate to="../../security" relative="path" replace />,
  },
];

/**
 * Stock pages reachable by address though the menu no longer lists them: Signing in is where
 * Keycloak's own credential pages (passkeys among them) still link to.
 */
export const unlistedRoutes: RouteObject[] = [
  { path: "account-security/signing-in", element: <SigningIn /> },
];
