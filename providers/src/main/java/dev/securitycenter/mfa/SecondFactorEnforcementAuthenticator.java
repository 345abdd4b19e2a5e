package dev.securitycenter.mfa;

import dev.securitycenter.audit.SignInMethod;
import dev.securitycenter.flow.ManagedStep;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.mfa.passkey.SigningPasskey;
import dev.securitycenter.mfa.signin.DirectGrantSecondFactor;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.SecurityPolicyReader;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.Map;

/**
 * After the password (and the second factor of those who have one): a user the policy requires to use 2FA but who
 * has no allowed factor is walked through enrolment in an allowed method before the sign-in completes (browser:
 * a passkey first when allowed and the browser can make one), or refused (token request with a password, which cannot enrol anyone). An admin who must use a passkey and has
 * none registers one before the sign-in completes; a token request cannot use a passkey, so it refuses such an
 * admin whatever else they have. Under OPTIONAL, a user without a factor is invited to set one up, at most once a
 * day (browser only).
 */
public class SecondFactorEnforcementAuthenticator extends ManagedStep {

    static final String GRANT_ERROR = "Two-factor authentication must be set up before signing in";

    private final boolean browser;

    SecondFactorEnforcementAuthenticator(boolean browser) {
        this.browser = browser;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        // every browser sign-in passes here after its factors, on the request that completes them
        if (AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession())
                .contains(WebAuthnCredentialModel.TYPE_PASSWORDLESS)) {
            context.getEvent().detail(SignInMethod.DETAIL, SignInMethod.PASSKEY);
            SigningPasskey.credentialId(user, context.getEvent())
                    .ifPresent(id -> context.getEvent().detail(SignInMethod.CREDENTIAL_DETAIL, id));
        }
        if (SecondFactorMethods.mustUsePasskey(realm, user) && (!browser || !SecondFactorMethods.hasPasskey(user))) {
            enrolPasskeyOrRefuse(context);
            return;
        }
        if (SecondFactorMethods.hasUsableSecondFactor(realm, user)) {
            context.success();
            return;
        }
        if (SecondFactorRequirement.requiredFor(realm, user)) {
            enrolOrRefuse(context);
            return;
        }
        if (browser && SecurityPolicyReader.mfa(realm).enforcement() == MfaEnforcement.OPTIONAL
                && SecondFactorMethods.enrolmentAction(realm).isPresent() && SecondFactorPrompt.claim(user)) {
            context.challenge(context.form().createForm(SecondFactorPrompt.TEMPLATE));
            return;
        }
        context.success();
    }

    /**
     * The answer to the OPTIONAL prompt ("Set up now" enrols, "Not now" just goes on), or the browser's answer to
     * the passkey check of a required enrolment. The check's answer is the browser's word, so it only chooses the
     * method: whether anyone must enrol is decided here again.
     */
    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        if (form.containsKey(PasskeySupportCheck.FIELD)) {
            if (SecondFactorRequirement.requiredFor(realm, user)
                    && !SecondFactorMethods.hasUsableSecondFactor(realm, user)) {
                SecondFactorMethods.enrolmentAction(realm, PasskeySupportCheck.supported(form))
                        .ifPresent(action -> context.getAuthenticationSession().addRequiredAction(action));
            }
        } else if (form.containsKey("setup")) {
            SecondFactorMethods.enrolmentAction(realm)
                    .ifPresent(action -> context.getAuthenticationSession().addRequiredAction(action));
        }
        context.success();
    }

    /**
     * A browser enrols in a passkey first when the policy allows passkeys and the browser can make one (the check
     * page asks it), else in the next allowed method; a token request cannot enrol and is refused.
     */
    private void enrolOrRefuse(AuthenticationFlowContext context) {
        if (browser && SecondFactorMethods.allowed(context.getRealm(), MfaMethod.PASSKEY)) {
            context.challenge(context.form().createForm(PasskeySupportCheck.TEMPLATE));
            return;
        }
        if (browser) {
            SecondFactorMethods.enrolmentAction(context.getRealm())
                    .ifPresent(action -> context.getAuthenticationSession().addRequiredAction(action));
            context.success();
            return;
        }
        refuse(context, "second_factor_required", GRANT_ERROR);
    }

    private void enrolPasskeyOrRefuse(AuthenticationFlowContext context) {
        if (browser) {
            context.getAuthenticationSession().addRequiredAction(SecondFactorMethods.PASSKEY_REGISTRATION);
            context.success();
            return;
        }
        refuse(context, "passkey_required", DirectGrantSecondFactor.PASSKEY_MESSAGE);
    }

    private static void refuse(AuthenticationFlowContext context, String error, String description) {
        context.getEvent().user(context.getUser()).error(error);
        context.failure(AuthenticationFlowError.INVALID_USER, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_grant", "error_description", description))
                .build());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
