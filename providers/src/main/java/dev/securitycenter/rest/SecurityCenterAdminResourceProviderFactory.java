package dev.securitycenter.rest;

import dev.securitycenter.policy.ReleaseUpgrade;
import dev.securitycenter.policy.UserRecordProtection;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import java.util.List;
import java.util.stream.Collectors;

/** Mounts the admin API at {@code /admin/realms/{realm}/security-center}. */
public class SecurityCenterAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "security-center";
    private static final Logger LOG = Logger.getLogger(SecurityCenterAdminResourceProviderFactory.class);

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new SecurityCenterAdminResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * The policy's API is what configures realms, so its factory also upgrades those an earlier release did, and
     * says at start when the server leaves the records the policy keeps on users writable.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ReleaseUpgrade(factory));
        warnIfUserRecordsAreWritable();
    }

    /** In the server log, where operators look: the options are the server's, not a realm's (README: production). */
    private static void warnIfUserRecordsAreWritable() {
        List<String> unprotected = UserRecordProtection.unprotectedBy(Config.scope(UserRecordProtection.SCOPE));
        if (!unprotected.isEmpty()) {
            LOG.warnf("The Security Center's records on each user (attributes securityCenter.*) can be rewritten by"
                    + " users or admins of any realm whose user profile lets them edit unmanaged attributes. Start"
                    + " the server with %s", unprotected.stream()
                    .map(option -> "--spi-user-profile--declarative-user-profile--" + option + "=securityCenter.*")
                    .collect(Collectors.joining(" and ")));
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
