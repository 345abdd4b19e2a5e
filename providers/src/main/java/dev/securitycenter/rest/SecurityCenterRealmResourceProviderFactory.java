package dev.securitycenter.rest;

import dev.securitycenter.mfa.totp.TotpEnrolment;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the self-service API at {@code /realms/{realm}/security-center}. */
public class SecurityCenterRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "security-center";
    /** {@code --spi-realm-restapi-extension--security-center--totp-setup-seconds}: how long a QR code stays valid. */
    static final String TOTP_SETUP_SECONDS = "totpSetupSeconds";

    private int totpSetupSeconds = TotpEnrolment.DEFAULT_TTL_SECONDS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new SecurityCenterRealmResource(session, totpSetupSeconds);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        totpSetupSeconds = config.getInt(TOTP_SETUP_SECONDS, TotpEnrolment.DEFAULT_TTL_SECONDS);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
