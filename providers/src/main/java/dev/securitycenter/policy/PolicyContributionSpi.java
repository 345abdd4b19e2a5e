package dev.securitycenter.policy;

import dev.securitycenter.spi.ExtensionSpi;

/**
 * SPI {@value #NAME}: how capabilities plug their flow steps, write-through and previews into the policy (found
 * like any Keycloak provider, so {@code policy} imports none of them). Internal: only the extension implements it.
 */
public class PolicyContributionSpi extends ExtensionSpi {

    public static final String NAME = "security-center-policy-contribution";

    public PolicyContributionSpi() {
        super(NAME, true, PolicyContribution.class, PolicyContributionFactory.class);
    }
}
