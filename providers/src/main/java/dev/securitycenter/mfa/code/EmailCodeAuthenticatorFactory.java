package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** The sign-in step {@code security-center-email-code}: a code sent to the user's verified address. */
public class EmailCodeAuthenticatorFactory extends CodeAuthenticatorFactory {

    public EmailCodeAuthenticatorFactory() {
        super(CodeChannel.EMAIL, "Security Center email code", "Signs in with a code sent to the verified email"
                + " address, while the 2FA policy allows email.");
    }
}
