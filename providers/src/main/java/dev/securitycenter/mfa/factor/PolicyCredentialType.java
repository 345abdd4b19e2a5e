package dev.securitycenter.mfa.factor;

import dev.securitycenter.policy.MfaMethod;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak offers an alternative second-factor step ("Try another way") for every credential type the user holds
 * that a step of the flow validates. A step whose method the policy does not allow (or the user cannot use, such
 * as email codes without a verified address) names a type nobody holds instead, so it is never offered.
 */
public final class PolicyCredentialType {

    private static final String NOT_OFFERED = ":not-offered";

    private PolicyCredentialType() {
    }

    public static String offered(KeycloakSession session, MfaMethod method, String type) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = user(session);
        return realm != null && user != null && SecondFactorMethods.usable(realm, user, method) ? type
                : type + NOT_OFFERED;
    }

    public static String offeredRecoveryCodes(KeycloakSession session, String type) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = user(session);
        return realm != null && user != null && SecondFactorMethods.canUseRecoveryCode(realm, user) ? type
                : type + NOT_OFFERED;
    }

    private static UserModel user(KeycloakSession session) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        return authSession == null ? null : authSession.getAuthenticatedUser();
    }
}
