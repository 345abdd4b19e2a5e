import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
// The package bundles PatternFly and ships the components' styles as a separate file that its
// "exports" map does not list, so it can only be reached by path.
import "../../node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css";
import "../shared/toasts.css";

import { KeycloakProvider } from "@keycloak/keycloak-account-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { keepToastsBelowMasthead } from "../shared/toastPlacement";
import { Root } from "./Root";

keepToastsBelowMasthead();

// The first render already needs the texts.
await i18n.init();

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <KeycloakProvider environment={environment}>
      <Root />
    </KeycloakProvider>
  </StrictMode>,
);
