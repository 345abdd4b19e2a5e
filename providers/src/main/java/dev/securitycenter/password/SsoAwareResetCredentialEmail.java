package dev.securitycenter.password;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialEmail;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.messages.Messages;

/**
 * Keycloak's forgotten-password mail, not sent while SSO is required to a user whose password the realm refuses
 * (they have none to reset here). The page answers exactly as for an unknown username, so it tells nobody who
 * exists or who signs in how.
 */
public class SsoAwareResetCredentialEmail extends ResetCredentialEmail {

    /** Keycloak keeps authenticator ids in a 36-character column. */
    public static final String ID = "security-center-reset-email";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user != null && SsoRequirement.refusesPassword(context.getRealm(), user)) {
            context.getEvent().user(user).error(SsoRequirement.ERROR);
            context.forkWithSuccessMessage(new FormMessage(Messages.EMAIL_SENT));
            return;
        }
        super.authenticate(context);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Security Center send reset email";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's reset e-mail, not sent to users who must sign in through an identity provider.";
    }
}
