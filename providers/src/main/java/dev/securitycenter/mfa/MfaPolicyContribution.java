package dev.securitycenter.mfa;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.mfa.passkey.PasskeySecondStepFactory;
import dev.securitycenter.mfa.passkey.PasskeyWebAuthnPolicy;
import dev.securitycenter.mfa.recovery.RecoveryCodeAuthenticatorFactory;
import dev.securitycenter.mfa.signin.DirectGrantSecondFactor;
import dev.securitycenter.mfa.signin.PolicyOtpFormFactory;
import dev.securitycenter.policy.EnrolmentAction;
import dev.securitycenter.policy.FlowSlot;
import dev.securitycenter.policy.FlowStep;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAudience;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SecurityPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The two-factor section of the policy (its settings are realm attributes the policy writes itself): the
 * second-factor alternatives in the order "Try another way" lists them, the enforcement steps, the enrolment
 * actions of passkeys and the code channels, the passkey write-through to Keycloak's WebAuthn Passwordless policy,
 * and the adoption previews.
 */
public class MfaPolicyContribution implements PolicyContributionFactory {

    /** Keycloak's "Condition - credential". */
    private static final String PASSKEY_NOT_USED = "conditional-credential";

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
                // a passkey used on the first page is both factors (Keycloak records the credential type it used)
                new FlowStep(FlowSlot.SECOND_FACTOR_CONDITION, PASSKEY_NOT_USED, 10,
                        Map.of("credentials", WebAuthnCredentialModel.TYPE_PASSWORDLESS, "included", "false")),
                new FlowStep(FlowSlot.BROWSER_SECOND_FACTOR, PasskeySecondStepFactory.ID, 5),
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
        return List.of(new EnrolmentAction(SecondFactorMethods.PASSKEY_REGISTRATION, "Webauthn Register Passwordless"),
                new EnrolmentAction(CodeChannel.SMS.setupActionId(), "Set up SMS codes"),
                new EnrolmentAction(CodeChannel.EMAIL.setupActionId(), "Set up email codes"));
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
        PasskeyWebAuthnPolicy.write(session, realm, policy.mfa());
    }

    @Override
    public List<PolicyAudience> audiences(RealmModel realm, SecurityPolicy before, SecurityPolicy after) {
        return Stream.of(SecondFactorRequiredAudience.of(realm, before.mfa(), after.mfa()),
                AdminPasskeyAudience.of(realm, before.mfa(), after.mfa())).flatMap(Optional::stream).toList();
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
            warnings.add(new Warning("MFA_REQUIRED_ALL", without, "Changing to Required will force "
                    + Warning.counted(without, "user", "users")
                    + " to set up 2FA on next login. This may cause support load."));
        }
        if (next.enforcement() == MfaEnforcement.REQUIRED_ADMINS
                && (current.enforcement() != MfaEnforcement.REQUIRED_ADMINS
                || !current.adminRoles().equals(next.adminRoles()))) {
            long admins = new AdminUsers(session).withoutSecondFactor(realm, next.adminRoles());
            warnings.add(new Warning("MFA_REQUIRED_ADMINS", admins, Warning.counted(admins, "admin", "admins")
                    + " without 2FA will have to set it up at their next sign-in."));
        }
        if (next.adminsNeedPasskey() && (!current.adminsNeedPasskey()
                || !current.adminRoles().equals(next.adminRoles()))) {
            long admins = new AdminUsers(session).withoutPasskey(realm, next.adminRoles());
            warnings.add(new Warning("MFA_ADMINS_PASSKEY", admins, Warning.counted(admins, "admin has",
                    "admins have") + " no passkey and will register one at next sign-in."));
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
