package dev.securitycenter.mfa.recovery;

import dev.securitycenter.audit.SecondFactorChallenge;
import dev.securitycenter.audit.SignInMethod;
import dev.securitycenter.mfa.factor.PolicyCredentialType;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;

/**
 * Signing in with one of the user's recovery codes instead of a second-factor code. The code is used up in the
 * same step (atomically, see {@link RecoveryCodes}); a wrong one is a failed login for the brute-force protector,
 * and a locked user is refused before the code is looked at. A used code is noted for the audit log and for the
 * mail that tells the owner (a code in a thief's hands signs in like the owner).
 */
public class RecoveryCodeAuthenticator implements Authenticator, CredentialValidator<RecoveryCodesCredentialProvider> {

    static final String TEMPLATE = "security-center-recovery-code.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        SecondFactorChallenge.answered(context.getEvent(), SecondFactorChallenge.RECOVERY_CODE);
        String lockError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (lockError != null) {
            context.getEvent().user(user).error(lockError);
            context.forceChallenge(page(context, Errors.USER_TEMPORARILY_DISABLED.equals(lockError)
                    ? Messages.ACCOUNT_TEMPORARILY_DISABLED_TOTP : Messages.ACCOUNT_PERMANENTLY_DISABLED_TOTP));
            return;
        }
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst("recoveryCode");
        if (new RecoveryCodes(context.getSession(), context.getRealm()).consume(user, typed)) {
            context.getEvent().detail(SignInMethod.DETAIL, SignInMethod.RECOVERY_CODE);
            context.getAuthenticationSession().setUserSessionNote(SignInMethod.RECOVERY_CODE_NOTE, "true");
            context.success(RecoveryCodes.TYPE);
            return;
        }
        context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                page(context, "securityCenterRecoveryCodeInvalid"));
    }

    private Response page(AuthenticationFlowContext context, String error) {
        if (error != null) {
            context.form().setError(error);
        }
        return context.form().createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return SecondFactorMethods.canUseRecoveryCode(realm, user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public RecoveryCodesCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (RecoveryCodesCredentialProvider) session.getProvider(CredentialProvider.class,
                RecoveryCodesCredentialProviderFactory.ID);
    }

    @Override
    public String getType(KeycloakSession session) {
        return PolicyCredentialType.offeredRecoveryCodes(session, RecoveryCodes.TYPE);
    }

    @Override
    public void close() {
    }
}
