package dev.securitycenter.mfa.factor;

import dev.securitycenter.audit.SecondFactorCredentials;
import dev.securitycenter.policy.MfaMethod;

/**
 * The two second factors that work by sending a code: each is a credential type of ours (SMS: it holds the
 * verified phone number; email: it records that the user chose email codes), an authenticator at sign-in and a
 * required action for enrolment.
 */
public enum CodeChannel {
    SMS(MfaMethod.SMS, SecondFactorCredentials.SMS, "security-center-sms-code", "security-center-sms-setup"),
    EMAIL(MfaMethod.EMAIL, SecondFactorCredentials.EMAIL, "security-center-email-code", "security-center-email-setup");

    private final MfaMethod method;
    private final String credentialType;
    private final String authenticatorId;
    private final String setupActionId;

    CodeChannel(MfaMethod method, String credentialType, String authenticatorId, String setupActionId) {
        this.method = method;
        this.credentialType = credentialType;
        this.authenticatorId = authenticatorId;
        this.setupActionId = setupActionId;
    }

    public MfaMethod method() {
        return method;
    }

    public String credentialType() {
        return credentialType;
    }

    public String authenticatorId() {
        return authenticatorId;
    }

    public String setupActionId() {
        return setupActionId;
    }

    /** Lower-case name used in page attributes, message keys and code-note purposes. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
