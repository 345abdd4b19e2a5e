package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** Required action {@code security-center-sms-setup}: binds a mobile number once a code sent to it comes back. */
public class SmsCodeSetupActionFactory extends CodeSetupActionFactory {

    public SmsCodeSetupActionFactory() {
        super(CodeChannel.SMS, "Set up SMS codes");
    }
}
