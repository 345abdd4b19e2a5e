package dev.securitycenter.mfa;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * How a user confirms a change to their two-factor set-up (new recovery codes, turning 2FA off): the one rule for
 * every mix of factors. A user with an authenticator app types one of its codes or a recovery code, checked in turns
 * with the brute-force protector. A user without one (passkeys, phone, email) has nothing to type here, so their
 * sign-in must be recent, as for adding a factor or removing a passkey: Keycloak asked them for their factor then.
 */
public enum ChangeConfirmation {

    APP_CODE, RECENT_SIGN_IN;

    public static ChangeConfirmation of(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE) ? APP_CODE : RECENT_SIGN_IN;
    }
}
