package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** Required action {@code security-center-email-setup}: turns on email codes once a code sent there comes back. */
public class EmailCodeSetupActionFactory extends CodeSetupActionFactory {

    public EmailCodeSetupActionFactory() {
        super(CodeChannel.EMAIL, "Set up email codes");
    }
}
