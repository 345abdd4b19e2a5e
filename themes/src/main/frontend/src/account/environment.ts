import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

// Rendered into the page by the parent theme's index.ftl (keycloak.v3), which we inherit on
// purpose so that new server-side fields reach the console without a template copy to maintain.
export const environment = getInjectedEnvironment<AccountEnvironment>();
