package dev.securitycenter.mfa.factor;

import dev.securitycenter.audit.SecondFactorCredentials;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAdmins;
import dev.securitycenter.policy.SecurityPolicyReader;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which second factors the realm's policy lets people use, and which of them a user has. DISABLED allows none:
 * no code is asked at sign-in and nothing can be set up, while the credentials stay so that re-enabling 2FA
 * restores them. Recovery codes are a fallback, usable whenever 2FA is not disabled.
 */
public final class SecondFactorMethods {

    /** Keycloak's required action that registers a passkey ({@code WebAuthnPasswordlessRegisterFactory}). */
    public static final String PASSKEY_REGISTRATION = "webauthn-register-passwordless";

    private SecondFactorMethods() {
    }

    public static boolean allowed(RealmModel realm, MfaMethod method) {
        MfaRules rules = SecurityPolicyReader.mfa(realm);
        return rules.enforcement() != MfaEnforcement.DISABLED && rules.methods().contains(method);
    }

    public static boolean recoveryCodesAllowed(RealmModel realm) {
        return SecurityPolicyReader.mfa(realm).enforcement() != MfaEnforcement.DISABLED;
    }

    public static String credentialType(MfaMethod method) {
        return switch (method) {
            case TOTP -> OTPCredentialModel.TYPE;
            case SMS -> CodeChannel.SMS.credentialType();
            case EMAIL -> CodeChannel.EMAIL.credentialType();
            case PASSKEY -> WebAuthnCredentialModel.TYPE_PASSWORDLESS;
        };
    }

    /**
     * Whether the user can sign in with this method: allowed, set up, and for email a verified address. An admin
     * who must use a passkey and has one is offered nothing else.
     */
    public static boolean usable(RealmModel realm, UserModel user, MfaMethod method) {
        return allowed(realm, method) && hasCredential(user, credentialType(method))
                && (method != MfaMethod.EMAIL || hasVerifiedEmail(user))
                && (method == MfaMethod.PASSKEY || !mustUsePasskey(realm, user) || !hasPasskey(user));
    }

    /** An admin under a required mode with the PHISHING_RESISTANT admin strength. */
    public static boolean mustUsePasskey(RealmModel realm, UserModel user) {
        MfaRules rules = SecurityPolicyReader.mfa(realm);
        return rules.adminsNeedPasskey() && rules.methods().contains(MfaMethod.PASSKEY)
                && PolicyAdmins.isAdmin(realm, user, rules.adminRoles());
    }

    public static boolean hasPasskey(UserModel user) {
        return hasCredential(user, credentialType(MfaMethod.PASSKEY));
    }

    public static boolean hasUsableSecondFactor(RealmModel realm, UserModel user) {
        return Arrays.stream(MfaMethod.values()).anyMatch(method -> usable(realm, user, method));
    }

    /** Recovery codes alone are not a second factor, but they let someone in who lost the device. */
    public static boolean canUseRecoveryCode(RealmModel realm, UserModel user) {
        return recoveryCodesAllowed(realm) && hasCredential(user, SecondFactorCredentials.RECOVERY_CODES);
    }

    /**
     * The enrolment of a browser that said it can create a passkey: a passkey first when the policy allows them,
     * else as {@link #enrolmentAction(RealmModel)}.
     */
    public static Optional<String> enrolmentAction(RealmModel realm, boolean browserMakesPasskeys) {
        if (browserMakesPasskeys && allowed(realm, MfaMethod.PASSKEY)) {
            return Optional.of(PASSKEY_REGISTRATION);
        }
        return enrolmentAction(realm);
    }

    /**
     * The required action that enrols the user in the first allowed method when nothing is known of the browser:
     * TOTP, then SMS, then email (whose enrolment tells a user without a verified address to get one first), then
     * a passkey. A passkey comes last because Keycloak's registration page leaves a browser that cannot create one
     * with no way on (the required modes ask the browser first, see {@code PasskeySupportCheck}); admins who must
     * use a passkey are enrolled in one regardless (see {@link #mustUsePasskey}).
     */
    public static Optional<String> enrolmentAction(RealmModel realm) {
        if (allowed(realm, MfaMethod.TOTP)) {
            return Optional.of(UserModel.RequiredAction.CONFIGURE_TOTP.name());
        }
        if (allowed(realm, MfaMethod.SMS)) {
            return Optional.of(CodeChannel.SMS.setupActionId());
        }
        if (allowed(realm, MfaMethod.EMAIL)) {
            return Optional.of(CodeChannel.EMAIL.setupActionId());
        }
        if (allowed(realm, MfaMethod.PASSKEY)) {
            return Optional.of(PASSKEY_REGISTRATION);
        }
        return Optional.empty();
    }

    public static boolean hasVerifiedEmail(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank() && user.isEmailVerified();
    }

    public static boolean hasCredential(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent();
    }
}
