package dev.securitycenter.mfa;

import dev.securitycenter.flow.OncePerDay;
import org.keycloak.models.UserModel;

/** When OPTIONAL 2FA last suggested setting up a second factor to a user: shown at most once a day. */
public final class SecondFactorPrompt {

    public static final String ATTRIBUTE = "securityCenter.mfaPromptedAt";
    static final String TEMPLATE = "security-center-2fa-prompt.ftl";

    private SecondFactorPrompt() {
    }

    /** True (and noted) when the prompt is due now; false when it was shown within the day. */
    static boolean claim(UserModel user) {
        return OncePerDay.claim(user, ATTRIBUTE);
    }
}
