import { routes as stockRoutes } from "@keycloak/keycloak-admin-ui";

/**
 * Every page of the console. Routes carry `handle.access`, the role a page needs, which the
 * stock console checks before rendering it; realm-level pages use a `/:realm/...` path.
 */
export const routes: typeof stockRoutes = [...stockRoutes];
