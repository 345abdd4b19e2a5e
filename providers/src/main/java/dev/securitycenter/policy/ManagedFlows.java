package dev.securitycenter.policy;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in flows the extension installs and binds per realm: a browser flow and a direct-grant flow, each
 * ending with Keycloak's session-count limiter. They are created once; each save then updates their session-limit
 * step and brings their second-factor subflows up to date; an admin's other flows are never touched. The flows of
 * the other entry points (reset credentials, registration, identity providers) are {@link EntryPointFlows}.
 *
 * <p>The skeleton (subflows, cookie, identity-provider redirector, session limit) is this class's; the steps in
 * its {@link FlowSlot}s come from the capabilities' {@link PolicyContribution}s, so the flows built are the same
 * as when this class named every authenticator itself, and existing databases stay as they are.
 */
public final class ManagedFlows {

    public static final String BROWSER = "security-center browser";
    public static final String DIRECT_GRANT = "security-center direct grant";
    private static final String SESSION_LIMITS = "user-session-limits";
    private static final String BROWSER_SECOND_FACTOR = BROWSER + " second factor";
    private static final String GRANT_SECOND_FACTOR = DIRECT_GRANT + " second factor";
    private static final String USER_CONFIGURED = "conditional-user-configured";

    private record Step(String authenticator, Requirement requirement, Map<String, String> config) {
    }

    /** A refused sign-in would be a lockout vector and must never count as a failed login, so evict the oldest. */
    private static final String TERMINATE_OLDEST = "Terminate oldest session";

    private final RealmModel realm;
    private final List<PolicyContribution> contributions;

    public ManagedFlows(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.contributions = PolicyContributions.all(session);
    }

    /** Installs the flows if needed, binds them, and applies the concurrent-session limit (null = unlimited). */
    public void apply(Integer maxConcurrentSessions) {
        AuthenticationFlowModel browser = flow(BROWSER).orElseGet(this::createBrowserFlow);
        AuthenticationFlowModel directGrant = flow(DIRECT_GRANT).orElseGet(this::createDirectGrantFlow);
        upgradeReplacedSteps(browser);
        upgradeReplacedSteps(directGrant);
        secondFactorSteps(BROWSER_SECOND_FACTOR, FlowSlot.BROWSER_SECOND_FACTOR);
        secondFactorSteps(GRANT_SECOND_FACTOR, FlowSlot.GRANT_SECOND_FACTOR);
        registerEnrolmentActions();
        sessionLimit(browser, maxConcurrentSessions);
        sessionLimit(directGrant, maxConcurrentSessions);
        realm.setBrowserFlow(browser);
        realm.setDirectGrantFlow(directGrant);
        new EntryPointFlows(realm, this).apply();
    }

    Optional<AuthenticationFlowModel> flow(String alias) {
        return Optional.ofNullable(realm.getFlowByAlias(alias));
    }

    /**
     * The network check is a required step of its own before the alternatives, so it also guards a sign-in that
     * the SSO cookie alone would complete.
     */
    private AuthenticationFlowModel createBrowserFlow() {
        AuthenticationFlowModel flow = addFlow(BROWSER, true, "Sign-in in the browser, managed by Security Center");
        addSlot(flow, FlowSlot.NETWORK_CHECK, 5);
        AuthenticationFlowModel signIn = addSubflow(flow, BROWSER + " sign-in", Requirement.REQUIRED, 10);
        addStep(signIn, "auth-cookie", Requirement.ALTERNATIVE, 10);
        addStep(signIn, "identity-provider-redirector", Requirement.ALTERNATIVE, 20);
        AuthenticationFlowModel forms = addSubflow(signIn, BROWSER + " forms", Requirement.ALTERNATIVE, 30);
        addSlot(forms, FlowSlot.BROWSER_FIRST_FACTOR, 10);
        // its steps are added by secondFactorSteps, which also upgrades older flows
        addSubflow(forms, BROWSER_SECOND_FACTOR, Requirement.CONDITIONAL, 20);
        addSlot(forms, FlowSlot.BROWSER_ENFORCEMENT, 25);
        addStep(forms, SESSION_LIMITS, Requirement.DISABLED, 30);
        return flow;
    }

    private AuthenticationFlowModel createDirectGrantFlow() {
        AuthenticationFlowModel flow = addFlow(DIRECT_GRANT, true,
                "Token requests with a password, managed by Security Center");
        addSlot(flow, FlowSlot.NETWORK_CHECK, 5);
        addSlot(flow, FlowSlot.GRANT_USERNAME, 10);
        addSlot(flow, FlowSlot.GRANT_PASSWORD, 20);
        // its steps are added by secondFactorSteps
        addSubflow(flow, GRANT_SECOND_FACTOR, Requirement.CONDITIONAL, 30);
        addSlot(flow, FlowSlot.GRANT_ENFORCEMENT, 35);
        addStep(flow, SESSION_LIMITS, Requirement.DISABLED, 40);
        return flow;
    }

    /**
     * Flows created by an earlier version asked only for an OTP code; their second-factor subflow is brought to the
     * current list of steps, and left alone when it already has it.
     */
    void secondFactorSteps(String alias, FlowSlot slot) {
        List<Step> steps = new ArrayList<>();
        // the condition skips the subflow for users with none of the factors
        steps.add(new Step(USER_CONFIGURED, Requirement.REQUIRED, Map.of()));
        stepsIn(FlowSlot.SECOND_FACTOR_CONDITION).forEach(step -> steps.add(new Step(step.authenticator(),
                FlowSlot.SECOND_FACTOR_CONDITION.requirement(), step.config())));
        stepsIn(slot).forEach(step -> steps.add(new Step(step.authenticator(), slot.requirement(), step.config())));
        AuthenticationFlowModel subflow = flow(alias).orElseThrow(() -> new IllegalStateException(
                "Managed subflow '" + alias + "' is missing; delete the managed flows to rebuild them"));
        List<AuthenticationExecutionModel> current = realm.getAuthenticationExecutionsStream(subflow.getId()).toList();
        if (current.stream().map(AuthenticationExecutionModel::getAuthenticator).toList()
                .equals(steps.stream().map(Step::authenticator).toList())) {
            return;
        }
        current.forEach(realm::removeAuthenticatorExecution);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            AuthenticationExecutionModel execution = addStep(subflow, step.authenticator(), step.requirement(),
                    10 * (i + 1));
            if (!step.config().isEmpty()) {
                configure(execution, subflow.getAlias() + " " + step.authenticator() + " " + (i + 1), step.config());
            }
        }
    }

    /** Keycloak runs only the required actions a realm has registered. */
    private void registerEnrolmentActions() {
        for (PolicyContribution contribution : contributions) {
            for (EnrolmentAction enrolment : contribution.enrolmentActions()) {
                if (realm.getRequiredActionProviderByAlias(enrolment.alias()) == null) {
                    RequiredActionProviderModel action = new RequiredActionProviderModel();
                    action.setAlias(enrolment.alias());
                    action.setProviderId(enrolment.alias());
                    action.setName(enrolment.name());
                    action.setEnabled(true);
                    action.setDefaultAction(false);
                    action.setPriority(100);
                    realm.addRequiredActionProvider(action);
                }
            }
        }
    }

    /**
     * Flows installed by an earlier version may still hold a step a contribution has since replaced (e.g.
     * Keycloak's own direct-grant username step, before usernames took turns).
     */
    void upgradeReplacedSteps(AuthenticationFlowModel flow) {
        Map<String, String> replacements = new HashMap<>();
        stepsIn(FlowSlot.values()).forEach(step -> step.replaces()
                .forEach(old -> replacements.put(old, step.authenticator())));
        realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(step -> replacements.containsKey(step.getAuthenticator()))
                .toList()
                .forEach(step -> {
                    step.setAuthenticator(replacements.get(step.getAuthenticator()));
                    realm.updateAuthenticatorExecution(step);
                });
    }

    private List<FlowStep> stepsIn(FlowSlot... slots) {
        List<FlowSlot> wanted = List.of(slots);
        return contributions.stream()
                .flatMap(contribution -> contribution.flowSteps().stream())
                .filter(step -> wanted.contains(step.slot()))
                .sorted(Comparator.comparingInt(FlowStep::rank))
                .toList();
    }

    /** Adds the one step of a single-step slot. */
    void addSlot(AuthenticationFlowModel flow, FlowSlot slot, int priority) {
        List<FlowStep> steps = stepsIn(slot);
        if (steps.size() != 1) {
            throw new IllegalStateException("Slot " + slot + " needs exactly one step, has " + steps);
        }
        addStep(flow, steps.get(0).authenticator(), slot.requirement(), priority);
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

    AuthenticationFlowModel addFlow(String alias, boolean topLevel, String description) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(alias);
        flow.setDescription(description);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(topLevel);
        flow.setBuiltIn(false);
        return realm.addAuthenticationFlow(flow);
    }

    AuthenticationFlowModel addSubflow(AuthenticationFlowModel parent, String alias, Requirement requirement,
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

    AuthenticationExecutionModel addStep(AuthenticationFlowModel flow, String authenticator, Requirement requirement,
                                         int priority) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flow.getId());
        execution.setAuthenticator(authenticator);
        execution.setAuthenticatorFlow(false);
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        return realm.addAuthenticatorExecution(execution);
    }

    /** A rebuilt subflow's step gets its configuration anew (the old one went with its step, or is reused). */
    private void configure(AuthenticationExecutionModel execution, String alias, Map<String, String> values) {
        AuthenticatorConfigModel config = realm.getAuthenticatorConfigByAlias(alias);
        if (config == null) {
            config = new AuthenticatorConfigModel();
            config.setAlias(alias);
            config.setConfig(new HashMap<>(values));
            config = realm.addAuthenticatorConfig(config);
        } else {
            config.setConfig(new HashMap<>(values));
            realm.updateAuthenticatorConfig(config);
        }
        execution.setAuthenticatorConfig(config.getId());
        realm.updateAuthenticatorExecution(execution);
    }
}
