package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.factor.StoredCredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;

/**
 * The SMS or email second factor as a Keycloak credential, so it is listed (and removable) in the consoles and
 * counted like any other factor. Its secret is the code sent at each sign-in, so nothing secret is stored.
 */
public class CodeChannelCredentialProvider extends StoredCredentialProvider {

    private final CodeChannel channel;

    CodeChannelCredentialProvider(KeycloakSession session, CodeChannel channel) {
        super(session);
        this.channel = channel;
    }

    @Override
    public String getType() {
        return channel.credentialType();
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("securityCenter-" + channel.key() + "-display-name")
                .helpText("securityCenter-" + channel.key() + "-help-text")
                .iconCssClass(channel == CodeChannel.SMS ? "kcAuthenticatorOTPClass" : "kcAuthenticatorDefaultClass")
                .createAction(channel.setupActionId())
                .removeable(true)
                .build(session);
    }
}
