package dev.securitycenter.network;

import dev.securitycenter.flow.ManagedStepFactory;

public class IpAllowlistAuthenticatorFactory extends ManagedStepFactory {

    public static final String ID = "security-center-ip-allowlist";

    public IpAllowlistAuthenticatorFactory() {
        super(ID, "Security Center IP allowlist",
                "Refuses sign-in from addresses outside the realm's IP allowlist (Settings > Security).",
                "network", new IpAllowlistAuthenticator());
    }
}
