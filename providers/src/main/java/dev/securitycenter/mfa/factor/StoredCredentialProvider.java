package dev.securitycenter.mfa.factor;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A second factor of ours kept as a plain Keycloak credential row: created, listed and removed through Keycloak's
 * credential manager, so the consoles show it like any other factor. Subclasses name the type and describe it.
 */
public abstract class StoredCredentialProvider implements CredentialProvider<CredentialModel> {

    protected final KeycloakSession session;

    protected StoredCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }
}
