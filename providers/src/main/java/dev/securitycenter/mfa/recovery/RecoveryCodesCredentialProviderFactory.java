package dev.securitycenter.mfa.recovery;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public class RecoveryCodesCredentialProviderFactory implements CredentialProviderFactory<RecoveryCodesCredentialProvider> {

    public static final String ID = "security-center-recovery-codes";

    @Override
    public RecoveryCodesCredentialProvider create(KeycloakSession session) {
        return new RecoveryCodesCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
