package dev.securitycenter.mfa;

import dev.securitycenter.flow.SecretCheck;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Re-authentication for changing 2FA: a current code from the user's authenticator app (checked by Keycloak's OTP
 * credential provider, so its replay protection applies) or one of their recovery codes, which is used up.
 */
public final class SecondFactorProof {

    public enum Result { PROVEN, WRONG, LOCKED }

    private final KeycloakSession session;
    private final RealmModel realm;

    public SecondFactorProof(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Result check(UserModel user, String code) {
        SecretCheck.Result result = new SecretCheck(session, realm).check(user, OTPCredentialModel.TYPE,
                () -> code != null && !code.isBlank() && (isCurrentAppCode(user, code.trim())
                        || new RecoveryCodes(session, realm).consume(user, code.trim())));
        return switch (result) {
            case RIGHT -> Result.PROVEN;
            case WRONG -> Result.WRONG;
            case LOCKED -> Result.LOCKED;
        };
    }

    /**
     * Keycloak's OTP provider checks a code against one named credential and refuses input without a credential id,
     * so each of the user's authenticator apps is asked in turn.
     */
    private static boolean isCurrentAppCode(UserModel user, String code) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList().stream()
                .anyMatch(app -> user.credentialManager()
                        .isValid(new UserCredentialModel(app.getId(), OTPCredentialModel.TYPE, code)));
    }
}
