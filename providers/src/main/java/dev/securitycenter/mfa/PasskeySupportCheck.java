package dev.securitycenter.mfa;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The small sign-in page that asks the browser whether it can make a passkey (a user-verifying platform
 * authenticator, {@code PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()}) and posts the answer
 * at once, before a required enrolment chooses the method. A browser without JavaScript posts "no" with the page's
 * Continue button.
 */
final class PasskeySupportCheck {

    static final String TEMPLATE = "security-center-passkey-check.ftl";
    static final String FIELD = "passkeySupported";

    private PasskeySupportCheck() {
    }

    static boolean supported(MultivaluedMap<String, String> form) {
        return "true".equals(form.getFirst(FIELD));
    }
}
