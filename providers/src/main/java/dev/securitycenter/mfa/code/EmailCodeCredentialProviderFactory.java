package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
/** Credential type {@code security-center-email}: the user chose codes sent to their verified address. */
public class EmailCodeCredentialProviderFactory extends CodeChannelCredentialProviderFactory {

    public EmailCodeCredentialProviderFactory() {
        super(CodeChannel.EMAIL);
    }
}
