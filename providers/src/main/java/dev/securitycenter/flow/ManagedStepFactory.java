package dev.securitycenter.flow;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * Factory of a step of the managed flows: one stateless authenticator, no configuration of its own (it reads the
 * realm's policy), REQUIRED or DISABLED, nothing for a user to set up.
 */
public abstract class ManagedStepFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final String category;
    private final Authenticator authenticator;

    protected ManagedStepFactory(String id, String displayType, String helpText, String category,
                                 Authenticator authenticator) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.category = category;
        this.authenticator = authenticator;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return category;
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
}
