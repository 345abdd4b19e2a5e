package dev.securitycenter.mfa;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/** The 2FA enforcement step, in its browser ({@value #BROWSER_ID}) and token-request ({@value #GRANT_ID}) forms. */
public class SecondFactorEnforcementFactory implements AuthenticatorFactory {

    public static final String BROWSER_ID = "security-center-2fa-enforce";
    public static final String GRANT_ID = "security-center-2fa-enforce-grant";

    private final String id;
    private final Authenticator authenticator;

    public SecondFactorEnforcementFactory() {
        this(BROWSER_ID, true);
    }

    SecondFactorEnforcementFactory(String id, boolean browser) {
        this.id = id;
        this.authenticator = new SecondFactorEnforcementAuthenticator(browser);
    }

    /** Registered separately so the token-request form has its own id. */
    public static class Grant extends SecondFactorEnforcementFactory {
        public Grant() {
            super(GRANT_ID, false);
        }
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getDisplayType() {
        return "Security Center 2FA enforcement";
    }

    @Override
    public String getHelpText() {
        return "Makes users whom the 2FA policy (Settings > Security) requires to use a second factor set one up.";
    }

    @Override
    public String getReferenceCategory() {
        return "otp";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return id;
    }
}
