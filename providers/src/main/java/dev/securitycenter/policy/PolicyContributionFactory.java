package dev.securitycenter.policy;

import dev.securitycenter.spi.StatelessProviderFactory;

/**
 * Registers a capability's {@link PolicyContribution}. Contributions keep no state (they take the session in each
 * call), so a factory is its own contribution.
 */
public interface PolicyContributionFactory extends StatelessProviderFactory<PolicyContribution>, PolicyContribution {
}
