package dev.securitycenter.audit;

/**
 * The event details through which a sign-in step tells the audit log how the user proved who they are, for
 * {@code auth.login_succeeded}'s {@code details.method} (only "passkey" so far: Keycloak's own login event does not
 * say whether a passkey signed) and {@code details.credentialId}, the id of the passkey that signed (Keycloak keeps
 * no last-used time for credentials, so the account page derives it from these events).
 */
public final class SignInMethod {

    public static final String DETAIL = "security_center_sign_in_method";
    public static final String PASSKEY = "passkey";
    public static final String CREDENTIAL_DETAIL = "security_center_credential_id";
    /** The key of the signing credential's id in the audit event's details. */
    public static final String CREDENTIAL_ID = "credentialId";

    private SignInMethod() {
    }
}
