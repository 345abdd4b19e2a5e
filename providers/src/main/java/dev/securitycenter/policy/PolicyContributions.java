package dev.securitycenter.policy;

import org.keycloak.models.KeycloakSession;

import java.util.Comparator;
import java.util.List;

/** The registered {@link PolicyContribution}s, in rank order. */
final class PolicyContributions {

    private PolicyContributions() {
    }

    static List<PolicyContribution> all(KeycloakSession session) {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(PolicyContribution.class)
                .map(factory -> (PolicyContribution) factory.create(session))
                .sorted(Comparator.comparingInt(PolicyContribution::rank))
                .toList();
    }

    /** The store of the allowlist entries; the network capability provides it. */
    static IpAllowlistEntries ipAllowlistEntries(KeycloakSession session) {
        return all(session).stream()
                .filter(IpAllowlistEntries.class::isInstance)
                .map(IpAllowlistEntries.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No contribution keeps the IP allowlist entries"));
    }
}
