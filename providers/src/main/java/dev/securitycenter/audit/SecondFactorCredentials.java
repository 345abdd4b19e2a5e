package dev.securitycenter.audit;

/**
 * The credential types of the extension's own second factors, as Keycloak's credential events name them. They
 * are defined here, below the mfa packages that register them, because the audit log must recognise them in
 * events without depending on the capability that creates them.
 */
public final class SecondFactorCredentials {

    public static final String SMS = "security-center-sms";
    public static final String EMAIL = "security-center-email";
    public static final String RECOVERY_CODES = "security-center-recovery-codes";

    private SecondFactorCredentials() {
    }
}
