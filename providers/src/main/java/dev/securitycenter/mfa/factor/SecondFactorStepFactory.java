package dev.securitycenter.mfa.factor;

import dev.securitycenter.flow.ManagedStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** A second-factor step of the managed flows: one of the alternatives the user may choose between. */
public abstract class SecondFactorStepFactory extends ManagedStepFactory {

    protected SecondFactorStepFactory(String id, String displayType, String helpText, String category,
                                      Authenticator authenticator) {
        super(id, displayType, helpText, category, authenticator);
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
    }
}
