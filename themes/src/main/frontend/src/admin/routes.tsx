import { routes as stockRoutes } from "@keycloak/keycloak-admin-ui";
import { securityRoutes } from "./security/routes";
import { withUserSecurity } from "./users/routes";

/**
 * Every page of the console. Routes carry `handle.access`, the role a page needs, which the
 * shell checks before rendering it; realm-level pages use a `/:realm/...` path.
 */
export const routes: typeof stockRoutes = [...securityRoutes, ...withUserSecurity(stockRoutes)];
