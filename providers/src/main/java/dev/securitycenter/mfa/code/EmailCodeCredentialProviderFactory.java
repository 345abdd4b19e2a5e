package dev.securitycenter.mfa.code;

/** Credential type {@code security-center-email}: the user chose codes sent to their verified address. */
public class EmailCodeCredentialProviderFactory extends CodeChannelCredentialProviderFactory {

    public EmailCodeCredentialProviderFactory() {
        super(CodeChannel.EMAIL);
    }
}
