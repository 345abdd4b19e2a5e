package dev.securitycenter.policy;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@value #NAME}: how capabilities plug their flow steps, write-through and previews into the policy (found
 * like any Keycloak provider, so {@code policy} imports none of them). Internal: only the extension implements it.
 */
public class PolicyContributionSpi implements Spi {

    public static final String NAME = "security-center-policy-contribution";

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return PolicyContribution.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PolicyContributionFactory.class;
    }
}
