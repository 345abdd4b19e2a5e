package dev.securitycenter.mfa.recovery;

import dev.securitycenter.mfa.factor.StoredCredentialProvider;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Makes the recovery-code credential a credential type Keycloak knows: listed and removable in the consoles,
 * answering "is configured" for flow conditions, and validated (which uses the code up) like any other credential.
 */
public class RecoveryCodesCredentialProvider extends StoredCredentialProvider implements CredentialInputValidator {

    RecoveryCodesCredentialProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getType() {
        return RecoveryCodes.TYPE;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("securityCenterRecoveryCodesDisplayName")
                .helpText("securityCenterRecoveryCodesHelpText")
                .iconCssClass("kcAuthenticatorRecoveryAuthnCodesClass")
                .removeable(true)
                .build(session);
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType) && new RecoveryCodes(session, realm).remaining(user) > 0;
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return supportsCredentialType(input.getType())
                && new RecoveryCodes(session, realm).consume(user, input.getChallengeResponse());
    }
}
