package dev.securitycenter.network;

import dev.securitycenter.policy.ManagedClientPolicy;

/** Where Keycloak applies the allowlist executor: to every client's token, device, CIBA, PAR and userinfo calls. */
final class IpAllowlistClientPolicy {

    static final ManagedClientPolicy INSTANCE = new ManagedClientPolicy("security-center",
            "security-center ip allowlist", IpAllowlistExecutorFactory.ID,
            "refuse token requests from outside the IP allowlist");

    private IpAllowlistClientPolicy() {
    }
}
