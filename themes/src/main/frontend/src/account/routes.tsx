import { routes as stockRoutes } from "@keycloak/keycloak-account-ui";
import type { RouteObject } from "react-router-dom";
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
