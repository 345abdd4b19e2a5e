package dev.securitycenter.policy;

import dev.securitycenter.mfa.SecondFactorEnforcementFactory;
import dev.securitycenter.network.IpAllowlistAuthenticatorFactory;
import dev.securitycenter.lockout.TurnTakingGrantUsername;
import dev.securitycenter.password.PolicyAwareDirectGrantPassword;
import dev.securitycenter.password.PolicyAwarePasswordFormFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in flows the extension installs and binds per realm: a browser flow and a direct-grant flow, each
 * ending with Keycloak's session-count limiter. They are created once, then only their session-limit step is
 * updated on each save; an admin's other flows are never touched.
 */
public final class ManagedFlows {

    public static final String BROWSER = "security-center browser";
    public static final String DIRECT_GRANT = "security-center direct grant";
    private static final String SESSION_LIMITS = "user-session-limits";
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
        AuthenticationFlowModel otp = addSubflow(forms, BROWSER + " second factor", Requirement.CONDITIONAL, 20);
        addStep(otp, "conditional-user-configured", Requirement.REQUIRED, 10);
        addStep(otp, "auth-otp-form", Requirement.REQUIRED, 20);
        addStep(forms, SecondFactorEnforcementFactory.BROWSER_ID, Requirement.REQUIRED, 25);
        addStep(forms, SESSION_LIMITS, Requirement.DISABLED, 30);
        return flow;
    }

    private AuthenticationFlowModel createDirectGrantFlow() {
        AuthenticationFlowModel flow = addFlow(DIRECT_GRANT, true,
                "Token requests with a password, managed by Security Center");
        addStep(flow, IpAllowlistAuthenticatorFactory.ID, Requirement.REQUIRED, 5);
        addStep(flow, TurnTakingGrantUsername.ID, Requirement.REQUIRED, 10);
        addStep(flow, PolicyAwareDirectGrantPassword.ID, Requirement.REQUIRED, 20);
        AuthenticationFlowModel otp = addSubflow(flow, DIRECT_GRANT + " second factor", Requirement.CONDITIONAL, 30);
        addStep(otp, "conditional-user-configured", Requirement.REQUIRED, 10);
        addStep(otp, "direct-grant-validate-otp", Requirement.REQUIRED, 20);
        addStep(flow, SecondFactorEnforcementFactory.GRANT_ID, Requirement.REQUIRED, 35);
        addStep(flow, SESSION_LIMITS, Requirement.DISABLED, 40);
        return flow;
    }

    /** Flows installed before the username step took turns still use Keycloak's own. */
    private void upgradeGrantUsernameStep(AuthenticationFlowModel flow) {
        realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(step -> "direct-grant-validate-username".equals(step.getAuthenticator()))
                .toList()
                .forEach(step -> {
                    step.setAuthenticator(TurnTakingGrantUsername.ID);
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
