package dev.securitycenter.mfa;

import dev.securitycenter.flow.ManagedStepFactory;

/** The 2FA enforcement step, in its browser ({@value #BROWSER_ID}) and token-request ({@value #GRANT_ID}) forms. */
public class SecondFactorEnforcementFactory extends ManagedStepFactory {

    public static final String BROWSER_ID = "security-center-2fa-enforce";
    public static final String GRANT_ID = "security-center-2fa-enforce-grant";
    private static final String HELP = "Makes users whom the 2FA policy (Settings > Security) requires to use a"
            + " second factor set one up.";

    public SecondFactorEnforcementFactory() {
        this(BROWSER_ID, true);
    }

    SecondFactorEnforcementFactory(String id, boolean browser) {
        super(id, "Security Center 2FA enforcement", HELP, "otp", new SecondFactorEnforcementAuthenticator(browser));
    }

    /** Registered separately so the token-request form has its own id. */
    public static class Grant extends SecondFactorEnforcementFactory {
        public Grant() {
            super(GRANT_ID, false);
        }
    }
}
