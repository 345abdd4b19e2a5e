import { useRealm } from "@keycloak/keycloak-admin-ui";
import { Button, PageSection } from "@patternfly/react-core";
import { ShieldAltIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

/**
 * Above the stock user details page: the way to the user's Security view. Keycloak's admin UI builds
 * that page's tabs itself (only the experimental declarative-UI forms can be added), so a link is the
 * clean way in.
 */
export const UserSecurityLink = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { id } = useParams<{ id: string }>();
  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="sc-user-security-link">
      <Button
        id="sc-user-security-link"
        variant="link"
        icon={<ShieldAltIcon />}
        component={(props) => <Link {...props} to={`/${encodeURIComponent(realm)}/users/${encodeURIComponent(id!)}/security`} />}
      >
        {t("scUserSecurityLink")}
      </Button>
    </PageSection>
  );
};
