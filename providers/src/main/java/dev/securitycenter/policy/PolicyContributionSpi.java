package dev.securitycenter.policy;

import dev.securitycenter.spi.PluggableSpi;

/**
 * SPI {@value #NAME}: how capabilities plug their flow steps, write-through and previews into the policy (found
 * like any Keycloak provider, so {@code policy} imports none of them).
 */
public class PolicyContributionSpi extends PluggableSpi {

    public static final String NAME = "security-center-policy-contribution";

    public PolicyContributionSpi() {
        super(NAME, PolicyContribution.class, PolicyContributionFactory.class);
    }
}
