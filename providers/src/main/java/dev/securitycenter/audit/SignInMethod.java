package dev.securitycenter.audit;

/**
 * The event detail through which a sign-in step tells the audit log how the user proved who they are, for
 * {@code auth.login_succeeded}'s {@code details.method} (only "passkey" so far: Keycloak's own login event does not
 * say whether a passkey signed).
 */
public final class SignInMethod {

    public static final String DETAIL = "security_center_sign_in_method";
    public static final String PASSKEY = "passkey";

    private SignInMethod() {
    }
}
