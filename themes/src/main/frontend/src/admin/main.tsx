import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "@keycloak/keycloak-admin-ui/styles.css";
import "./console.css";
import "../shared/toasts.css";

import { KeycloakProvider } from "@keycloak/keycloak-admin-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { keepToastsBelowMasthead } from "../shared/toastPlacement";
import { routes } from "./routes";
import { SecurityCenterApp } from "./shell/SecurityCenterApp";

keepToastsBelowMasthead();

// The first render already needs the texts.
await i18n.init();

// A hash router, as in the stock console: the server serves the console on a single URL.
const router = createHashRouter([
  {
    path: "/",
    // The stock shell (masthead, admin client, access checks) with our navigation entries.
    element: (
      <KeycloakProvider environment={environment}>
        <SecurityCenterApp />
      </KeycloakProvider>
    ),
    children: routes,
  },
]);

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
