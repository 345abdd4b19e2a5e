package dev.securitycenter.policy;

import dev.securitycenter.mfa.SecondFactorEnforcementFactory;
import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.recovery.RecoveryCodeAuthenticatorFactory;
import dev.securitycenter.mfa.signin.DirectGrantSecondFactor;
import dev.securitycenter.mfa.signin.PolicyOtpFormFactory;
import dev.securitycenter.lockout.DirectGrantUsername;
import dev.securitycenter.network.IpAllowlistAuthenticatorFactory;
import dev.securitycenter.password.DirectGrantPassword;
import dev.securitycenter.password.PolicyAwarePasswordFormFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in flows the extension installs and binds per realm: a browser flow and a direct-grant flow, each
 * ending with Keycloak's session-count limiter. They are created once; each save then updates their session-limit
 * step and brings their second-factor subflows up to date; an admin's other flows are never touched.
 */
public final class ManagedFlows {

    public static final String BROWSER = "security-center browser";
    public static final String DIRECT_GRANT = "security-center direct grant";
    private static final String SESSION_LIMITS = "user-session-limits";
    private static final String BROWSER_SECOND_FACTOR = BROWSER + " second factor";
    private static final String GRANT_SECOND_FACTOR = DIRECT_GRANT + " second factor";
    private static final String USER_CONFIGURED = "conditional-user-configured";

    private record Step(String authenticator, Requirement requirement) {
    }

    /**
     * The user picks among the second factors they have and the policy allows (Keycloak's "Try another way");
     * the condition skips the subflow for users with none of them.
     */
    private static final List<Step> BROWSER_SECOND_FACTOR_STEPS = List.of(
            new Step(USER_CONFIGURED, Requirement.REQUIRED),
            new Step(PolicyOtpFormFactory.ID, Requirement.ALTERNATIVE),
            new Step(CodeChannel.SMS.authenticatorId(), Requirement.ALTERNATIVE),
            new Step(CodeChannel.EMAIL.authenticatorId(), Requirement.ALTERNATIVE),
            new Step(RecoveryCodeAuthenticatorFactory.ID, Requirement.ALTERNATIVE));
    private static final List<Step> GRANT_SECOND_FACTOR_STEPS = List.of(
            new Step(USER_CONFIGURED, Requirement.REQUIRED),
            new Step(DirectGrantSecondFactor.ID, Requirement.REQUIRED));
    /** A refused sign-in would be a lockout vector and must never count as a failed login, so evict the oldest. */
    private static final String TERMINATE_OLDEST = "Terminate oldest session";

    private final RealmModel realm;

    public ManagedFlows(RealmModel realm) {
        this.realm = realm;
    }

    /** Installs the flows if needed, binds them, and applies the concurrent-session limit (null = unlimited). */
    public void apply(Integer maxConcurrentSessions) {
        AuthenticationFlowModel browser = flow(BROWSER).orElseGet(this::createBrowserFlow);
        AuthenticationFlowModel directGrant = flow(DIRECT_GRANT).orElseGet(this::createDirectGrantFlow);
        upgradeGrantUsernameStep(directGrant);
        secondFactorSteps(BROWSER_SECOND_FACTOR, BROWSER_SECOND_FACTOR_STEPS);
        secondFactorSteps(GRANT_SECOND_FACTOR, GRANT_SECOND_FACTOR_STEPS);
        registerEnrolmentActions();
        sessionLimit(browser, maxConcurrentSessions);
        sessionLimit(directGrant, maxConcurrentSessions);
        realm.setBrowserFlow(browser);
        realm.setDirectGrantFlow(directGrant);
    }

    private Optional<AuthenticationFlowModel> flow(String alias) {
        return Optional.ofNullable(realm.getFlowByAlias(alias));
    }

    /**
     * The network check is a required step of its own before the alternatives, so it also guards a sign-in that
     * the SSO cookie alone would complete.
     */
    private AuthenticationFlowModel createBrowserFlow() {
        AuthenticationFlowModel flow = addFlow(BROWSER, true, "Sign-in in the browser, managed by Security Center");
        addStep(flow, IpAllowlistAuthenticatorFactory.ID, Requirement.REQUIRED, 5);
        AuthenticationFlowModel signIn = addSubflow(flow, BROWSER + " sign-in", Requirement.REQUIRED, 10);
        addStep(signIn, "auth-cookie", Requirement.ALTERNATIVE, 10);
        addStep(signIn, "identity-provider-redirector", Requirement.ALTERNATIVE, 20);
        AuthenticationFlowModel forms = addSubflow(signIn, BROWSER + " forms", Requirement.ALTERNATIVE, 30);
        addStep(forms, PolicyAwarePasswordFormFactory.ID, Requirement.REQUIRED, 10);
        // its steps are added by secondFactorSteps, which also upgrades older flows
        addSubflow(forms, BROWSER_SECOND_FACTOR, Requirement.CONDITIONAL, 20);
        addStep(forms, SecondFactorEnforcementFactory.BROWSER_ID, Requirement.REQUIRED, 25);
        addStep(forms, SESSION_LIMITS, Requirement.DISABLED, 30);
        return flow;
    }

    private AuthenticationFlowModel createDirectGrantFlow() {
        AuthenticationFlowModel flow = addFlow(DIRECT_GRANT, true,
                "Token requests with a password, managed by Security Center");
        addStep(flow, IpAllowlistAuthenticatorFactory.ID, Requirement.REQUIRED, 5);
        addStep(flow, DirectGrantUsername.ID, Requirement.REQUIRED, 10);
        addStep(flow, DirectGrantPassword.ID, Requirement.REQUIRED, 20);
        // its steps are added by secondFactorSteps
        addSubflow(flow, GRANT_SECOND_FACTOR, Requirement.CONDITIONAL, 30);
        addStep(flow, SecondFactorEnforcementFactory.GRANT_ID, Requirement.REQUIRED, 35);
        addStep(flow, SESSION_LIMITS, Requirement.DISABLED, 40);
        return flow;
    }

    /**
     * Flows created by an earlier version asked only for an OTP code; their second-factor subflow is brought to the
     * current list of steps, and left alone when it already has it.
     */
    private void secondFactorSteps(String alias, List<Step> steps) {
        AuthenticationFlowModel subflow = flow(alias).orElseThrow(() -> new IllegalStateException(
                "Managed subflow '" + alias + "' is missing; delete the managed flows to rebuild them"));
        List<AuthenticationExecutionModel> current = realm.getAuthenticationExecutionsStream(subflow.getId()).toList();
        if (current.stream().map(AuthenticationExecutionModel::getAuthenticator).toList()
                .equals(steps.stream().map(Step::authenticator).toList())) {
            return;
        }
        current.forEach(realm::removeAuthenticatorExecution);
        for (int i = 0; i < steps.size(); i++) {
            addStep(subflow, steps.get(i).authenticator(), steps.get(i).requirement(), 10 * (i + 1));
        }
    }

    /** Keycloak runs only the required actions a realm has registered. */
    private void registerEnrolmentActions() {
        for (CodeChannel channel : CodeChannel.values()) {
            if (realm.getRequiredActionProviderByAlias(channel.setupActionId()) == null) {
                RequiredActionProviderModel action = new RequiredActionProviderModel();
                action.setAlias(channel.setupActionId());
                action.setProviderId(channel.setupActionId());
                action.setName(channel == CodeChannel.SMS ? "Set up SMS codes" : "Set up email codes");
                action.setEnabled(true);
                action.setDefaultAction(false);
                action.setPriority(100);
                realm.addRequiredActionProvider(action);
            }
        }
    }

    /** Flows installed before the username step took turns still use Keycloak's own. */
    private void upgradeGrantUsernameStep(AuthenticationFlowModel flow) {
        realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(step -> "direct-grant-validate-username".equals(step.getAuthenticator()))
                .toList()
                .forEach(step -> {
                    step.setAuthenticator(DirectGrantUsername.ID);
                    realm.updateAuthenticatorExecution(step);
                });
    }

    private void sessionLimit(AuthenticationFlowModel flow, Integer limit) {
        AuthenticationExecutionModel step = findStep(flow.getId()).orElseThrow(() -> new IllegalStateException(
                "Managed flow '" + flow.getAlias() + "' has lost its session-limit step; delete it to rebuild"));
        step.setRequirement(limit == null ? Requirement.DISABLED : Requirement.REQUIRED);
        AuthenticatorConfigModel config = step.getAuthenticatorConfig() == null ? null
                : realm.getAuthenticatorConfigById(step.getAuthenticatorConfig());
        Map<String, String> values = Map.of("userRealmLimit", limit == null ? "0" : limit.toString(),
                "userClientLimit", "0", "behavior", TERMINATE_OLDEST);
        if (config == null) {
            config = new AuthenticatorConfigModel();
            config.setAlias(flow.getAlias() + " session limit");
            config.setConfig(new HashMap<>(values));
            config = realm.addAuthenticatorConfig(config);
            step.setAuthenticatorConfig(config.getId());
        } else {
            config.setConfig(new HashMap<>(values));
            realm.updateAuthenticatorConfig(config);
        }
        realm.updateAuthenticatorExecution(step);
    }

    private Optional<AuthenticationExecutionModel> findStep(String flowId) {
        for (AuthenticationExecutionModel execution : realm.getAuthenticationExecutionsStream(flowId).toList()) {
            if (SESSION_LIMITS.equals(execution.getAuthenticator())) {
                return Optional.of(execution);
            }
            if (execution.isAuthenticatorFlow()) {
                Optional<AuthenticationExecutionModel> nested = findStep(execution.getFlowId());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private AuthenticationFlowModel addFlow(String alias, boolean topLevel, String description) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(alias);
        flow.setDescription(description);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(topLevel);
        flow.setBuiltIn(false);
        return realm.addAuthenticationFlow(flow);
    }

    private AuthenticationFlowModel addSubflow(AuthenticationFlowModel parent, String alias, Requirement requirement,
                                               int priority) {
        AuthenticationFlowModel subflow = addFlow(alias, false, null);
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(parent.getId());
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(subflow.getId());
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        realm.addAuthenticatorExecution(execution);
        return subflow;
    }

    private void addStep(AuthenticationFlowModel flow, String authenticator, Requirement requirement, int priority) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flow.getId());
        execution.setAuthenticator(authenticator);
        execution.setAuthenticatorFlow(false);
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        realm.addAuthenticatorExecution(execution);
    }
}
