package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** The sign-in step {@code security-center-sms-code}: a code sent by SMS to the user's verified number. */
public class SmsCodeAuthenticatorFactory extends CodeAuthenticatorFactory {

    public SmsCodeAuthenticatorFactory() {
        super(CodeChannel.SMS, "Security Center SMS code", "Signs in with a code sent by SMS to the verified phone"
                + " number, while the 2FA policy allows SMS.");
    }
}
