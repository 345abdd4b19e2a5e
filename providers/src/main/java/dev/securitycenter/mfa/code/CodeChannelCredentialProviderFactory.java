package dev.securitycenter.mfa.code;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the SMS credential type; {@link Email} the email one. */
public class CodeChannelCredentialProviderFactory
        implements CredentialProviderFactory<CodeChannelCredentialProvider> {

    private final CodeChannel channel;

    public CodeChannelCredentialProviderFactory() {
        this(CodeChannel.SMS);
    }

    CodeChannelCredentialProviderFactory(CodeChannel channel) {
        this.channel = channel;
    }

    @Override
    public CodeChannelCredentialProvider create(KeycloakSession session) {
        return new CodeChannelCredentialProvider(session, channel);
    }

    @Override
    public String getId() {
        return channel.credentialType();
    }

    public static class Email extends CodeChannelCredentialProviderFactory {
        public Email() {
            super(CodeChannel.EMAIL);
        }
    }
}
