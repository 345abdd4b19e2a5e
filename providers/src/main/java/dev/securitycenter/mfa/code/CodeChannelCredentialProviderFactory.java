package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Registers the credential type of one code channel (see {@link SmsCredentialProviderFactory},
 * {@link EmailCodeCredentialProviderFactory}).
 */
public abstract class CodeChannelCredentialProviderFactory
        implements CredentialProviderFactory<CodeChannelCredentialProvider> {

    private final CodeChannel channel;

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
}
