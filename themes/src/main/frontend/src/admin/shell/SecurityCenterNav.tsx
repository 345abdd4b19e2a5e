import {
  routes as stockRoutes,
  useAccess,
  useEnvironment,
  useRealm,
  useServerInfo,
  type AdminEnvironment,
} from "@keycloak/keycloak-admin-ui";
import { Label, Nav, NavGroup, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { securityRoutes } from "../security/routes";

type Entry = { title: string; path: string; shown?: boolean };

/**
 * The realm navigation of the stock console plus "Security settings". The stock PageNav takes no
 * extra entries, so the same groups are listed here; each entry appears only when the signed-in
 * admin may open its route, which is what the stock navigation does too.
 */
export const SecurityCenterNav = () => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AdminEnvironment>();
  const { hasAccess, hasSomeAccess } = useAccess();
  const { realm, realmRepresentation } = useRealm();
  const { features } = useServerInfo();
  const allRoutes = [...stockRoutes, ...securityRoutes];

  const featureOn = (name: string) => features?.some((f) => f.name === name && f.enabled) ?? false;

  const allowed = (path: string) => {
    const route = allRoutes.find((r) => r.path.replace(/\/:.+?(\?|(?:(?!\/).)*|$)/g, "").replace(/\/\*$/, "") === path);
    if (!route) return false;
    const access = route.handle.access;
    return Array.isArray(access) ? hasAccess(...access) : hasAccess(access);
  };

  const groups: { title?: string; shown: boolean; entries: Entry[] }[] = [
    {
      shown: environment.masterRealm === environment.realm,
      entries: [{ title: "manageRealms", path: "/realms" }],
    },
    {
      title: "manage",
      shown: hasSomeAccess("view-realm", "query-groups", "query-users", "query-clients", "query-organizations", "view-events"),
      entries: [
        { title: "organizations", path: "/organizations", shown: featureOn("ORGANIZATION") && !!realmRepresentation?.organizationsEnabled },
        { title: "clients", path: "/clients" },
        { title: "clientScopes", path: "/client-scopes" },
        { title: "realmRoles", path: "/roles" },
        { title: "users", path: "/users" },
        { title: "groups", path: "/groups" },
        { title: "sessions", path: "/sessions" },
        { title: "events", path: "/events" },
      ],
    },
    {
      title: "configure",
      shown: hasSomeAccess("view-realm", "query-clients", "view-identity-providers"),
      entries: [
        { title: "realmSettings", path: "/realm-settings" },
        { title: "scSecuritySettings", path: "/security-settings" },
        { title: "authentication", path: "/authentication" },
        {
          title: "permissions",
          path: "/permissions",
          shown: featureOn("ADMIN_FINE_GRAINED_AUTHZ_V2") && !!realmRepresentation?.adminPermissionsEnabled,
        },
        { title: "identityProviders", path: "/identity-providers" },
        { title: "userFederation", path: "/user-federation" },
        { title: "workflows", path: "/workflows", shown: featureOn("WORKFLOWS") && hasSomeAccess("realm-admin", "admin") },
      ],
    },
  ];

  return (
    <PageSidebar className="keycloak__page_nav__nav">
      <PageSidebarBody>
        <Nav>
          <h2 className="pf-v5-c-nav__section-title" style={{ wordWrap: "break-word" }}>
            <span data-testid="currentRealm">{realmRepresentation?.displayName || realm}</span>{" "}
            <Label color="blue">{t("currentRealm")}</Label>
          </h2>
          {groups
            .filter((group) => group.shown)
            .map((group, index) => (
              <NavGroup key={group.title ?? index} aria-label={group.title && t(group.title)} title={group.title && t(group.title)}>
                {group.entries
                  .filter((entry) => entry.shown !== false && allowed(entry.path))
                  .map((entry) => (
                    <li key={entry.path}>
                      <NavLink
                        id={`nav-item${entry.path.replace("/", "-")}`}
                        data-testid={`nav-item${entry.path.replace("/", "-")}`}
                        to={`/${encodeURIComponent(realm)}${entry.path}`}
                        className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
                      >
                        {t(entry.title)}
                      </NavLink>
                    </li>
                  ))}
              </NavGroup>
            ))}
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};
