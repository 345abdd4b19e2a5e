package dev.securitycenter.mfa.recovery;

import dev.securitycenter.mfa.factor.SecondFactorStepFactory;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;

public class RecoveryCodeAuthenticatorFactory extends SecondFactorStepFactory {

    public static final String ID = "security-center-recovery-code";

    public RecoveryCodeAuthenticatorFactory() {
        // the brute-force protector only counts failures of the categories it knows, recovery codes among them
        super(ID, "Security Center recovery code", "Signs in with one of the user's one-time recovery codes instead"
                + " of a second-factor code.", RecoveryAuthnCodesCredentialModel.TYPE, new RecoveryCodeAuthenticator());
    }
}
