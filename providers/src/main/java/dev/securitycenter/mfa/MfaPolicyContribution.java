package dev.securitycenter.mfa;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.recovery.RecoveryCodeAuthenticatorFactory;
import dev.securitycenter.mfa.signin.DirectGrantSecondFactor;
import dev.securitycenter.mfa.signin.PolicyOtpFormFactory;
import dev.securitycenter.policy.EnrolmentAction;
import dev.securitycenter.policy.FlowSlot;
import dev.securitycenter.policy.FlowStep;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SecurityPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-factor section of the policy (its settings are realm attributes the policy writes itself): the
 * second-factor alternatives in the order "Try another way" lists them, the enforcement steps, the enrolment
 * actions of the code channels, and the adoption previews.
 */
public class MfaPolicyContribution implements PolicyContributionFactory {

    @Override
    public String getId() {
        return "mfa";
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public List<FlowStep> flowSteps() {
        return List.of(
                new FlowStep(FlowSlot.BROWSER_SECOND_FACTOR, PolicyOtpFormFactory.ID, 10),
                new FlowStep(FlowSlot.BROWSER_SECOND_FACTOR, CodeChannel.SMS.authenticatorId(), 20),
                new FlowStep(FlowSlot.BROWSER_SECOND_FACTOR, CodeChannel.EMAIL.authenticatorId(), 30),
                new FlowStep(FlowSlot.BROWSER_SECOND_FACTOR, RecoveryCodeAuthenticatorFactory.ID, 40),
                new FlowStep(FlowSlot.GRANT_SECOND_FACTOR, DirectGrantSecondFactor.ID, 10),
                new FlowStep(FlowSlot.BROWSER_ENFORCEMENT, SecondFactorEnforcementFactory.BROWSER_ID, 0),
                new FlowStep(FlowSlot.GRANT_ENFORCEMENT, SecondFactorEnforcementFactory.GRANT_ID, 0));
    }

    @Override
    public List<EnrolmentAction> enrolmentActions() {
        return List.of(new EnrolmentAction(CodeChannel.SMS.setupActionId(), "Set up SMS codes"),
                new EnrolmentAction(CodeChannel.EMAIL.setupActionId(), "Set up email codes"));
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        mfa(session, realm, current.mfa(), next.mfa(), warnings);
        return warnings;
    }

    private static void mfa(KeycloakSession session, RealmModel realm, MfaRules current, MfaRules next,
                            List<Warning> warnings) {
        MfaAdoption adoption = new MfaAdoption(session);
        if (next.enforcement() == MfaEnforcement.REQUIRED_ALL && current.enforcement() != MfaEnforcement.REQUIRED_ALL) {
            long without = adoption.countWithout(realm, false);
            warnings.add(new Warning("MFA_REQUIRED_ALL", without, "Changing to Required will force " + without
                    + " users to set up 2FA on next login. This may cause support load."));
        }
        if (next.enforcement() == MfaEnforcement.REQUIRED_ADMINS
                && (current.enforcement() != MfaEnforcement.REQUIRED_ADMINS
                || !current.adminRoles().equals(next.adminRoles()))) {
            long admins = new AdminUsers(session).withoutSecondFactor(realm, next.adminRoles());
            warnings.add(new Warning("MFA_REQUIRED_ADMINS", admins, admins
                    + " admins without 2FA will have to set it up at their next sign-in."));
        }
        boolean wasRequired = current.enforcement() == MfaEnforcement.REQUIRED_ALL
                || current.enforcement() == MfaEnforcement.REQUIRED_ADMINS;
        boolean isRequired = next.enforcement() == MfaEnforcement.REQUIRED_ALL
                || next.enforcement() == MfaEnforcement.REQUIRED_ADMINS;
        if (wasRequired && !isRequired) {
            warnings.add(new Warning("MFA_NO_LONGER_REQUIRED", adoption.status(realm).enabled(),
                    "Users may disable 2FA."));
        }
    }
}
