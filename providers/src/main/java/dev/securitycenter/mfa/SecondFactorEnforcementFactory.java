package dev.securitycenter.mfa;

import dev.securitycenter.flow.ManagedStepFactory;

/**
 * The browser flow's 2FA enforcement step {@value #BROWSER_ID}; {@link DirectGrantSecondFactorEnforcementFactory}
 * is its token-request form.
 */
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
}
