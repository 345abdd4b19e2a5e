package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** Credential type {@code security-center-sms}: the user's verified mobile number. */
public class SmsCredentialProviderFactory extends CodeChannelCredentialProviderFactory {

    public SmsCredentialProviderFactory() {
        super(CodeChannel.SMS);
    }
}
