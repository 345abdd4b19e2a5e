package dev.securitycenter.policy;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The flows of the other ways into a session, installed beside the managed browser flow: reset credentials,
 * registration (both bound to the realm) and the post-broker-login flow of identity providers. Each starts with the
 * IP allowlist, since Keycloak serves these forms, and completes a broker sign-in, without running the browser
 * flow. A password reset asks for the user's second factor (any the policy allows them) before the new password is
 * set and a session exists (ASVS 6.4.3), so does a sign-in through an identity provider; each ends with the
 * policy's 2FA enforcement. Created once by alias, so a save on a realm set up by an earlier version adds them and
 * later saves leave them alone (their second-factor steps are kept current like the browser's).
 */
final class EntryPointFlows {

    static final String RESET_CREDENTIALS = "security-center reset credentials";
    static final String REGISTRATION = "security-center registration";
    /**
     * Keycloak runs an identity provider's post-broker-login flow after every sign-in through it, the first one
     * (after the first-broker-login flow) included; there is no realm-wide binding for it.
     */
    static final String IDENTITY_PROVIDER = "security-center identity provider";
    private static final String RESET_SECOND_FACTOR = RESET_CREDENTIALS + " second factor";
    private static final String IDENTITY_PROVIDER_SECOND_FACTOR = IDENTITY_PROVIDER + " second factor";

    private final RealmModel realm;
    private final ManagedFlows flows;

    EntryPointFlows(RealmModel realm, ManagedFlows flows) {
        this.realm = realm;
        this.flows = flows;
    }

    void apply() {
        AuthenticationFlowModel reset = flows.flow(RESET_CREDENTIALS).orElseGet(this::createResetCredentialsFlow);
        flows.upgradeReplacedSteps(reset);
        flows.secondFactorSteps(RESET_SECOND_FACTOR, FlowSlot.BROWSER_SECOND_FACTOR);
        AuthenticationFlowModel registration = flows.flow(REGISTRATION).orElseGet(this::createRegistrationFlow);
        flows.flow(IDENTITY_PROVIDER).orElseGet(this::createIdentityProviderFlow);
        flows.secondFactorSteps(IDENTITY_PROVIDER_SECOND_FACTOR, FlowSlot.BROWSER_SECOND_FACTOR);
        realm.setResetCredentialsFlow(reset);
        realm.setRegistrationFlow(registration);
    }

    /**
     * Makes the managed identity-provider flow the post-broker-login flow of every identity provider of the realm
     * that has none; a provider with a post-broker-login flow of the admin's own keeps it.
     */
    static void bindIdentityProviders(KeycloakSession session, RealmModel realm) {
        String flowId = realm.getFlowByAlias(IDENTITY_PROVIDER).getId();
        session.identityProviders().getAllStream()
                .filter(provider -> provider.getPostBrokerLoginFlowId() == null)
                .toList()
                .forEach(provider -> {
                    provider.setPostBrokerLoginFlowId(flowId);
                    session.identityProviders().update(provider);
                });
    }

    /** After the identity provider vouched for the user: the network, then the user's second factor per policy. */
    private AuthenticationFlowModel createIdentityProviderFlow() {
        AuthenticationFlowModel flow = flows.addFlow(IDENTITY_PROVIDER, true,
                "After sign-in through an identity provider, managed by Security Center");
        flows.addSlot(flow, FlowSlot.NETWORK_CHECK, 5);
        // its steps are added by secondFactorSteps
        flows.addSubflow(flow, IDENTITY_PROVIDER_SECOND_FACTOR, Requirement.CONDITIONAL, 10);
        flows.addSlot(flow, FlowSlot.BROWSER_ENFORCEMENT, 20);
        return flow;
    }

    /**
     * Keycloak's reset steps, without its "reset OTP" step: a reset by email must not remove the second factor,
     * it must ask for it. The second factor comes after the emailed link and before the new password. A flow
     * runs each step once, and the link may be opened anywhere, so the network is checked again once it is.
     */
    private AuthenticationFlowModel createResetCredentialsFlow() {
        AuthenticationFlowModel flow = flows.addFlow(RESET_CREDENTIALS, true,
                "Forgotten password, managed by Security Center");
        flows.addSlot(flow, FlowSlot.NETWORK_CHECK, 5);
        flows.addStep(flow, "reset-credentials-choose-user", Requirement.REQUIRED, 10);
        flows.addSlot(flow, FlowSlot.RESET_EMAIL, 20);
        flows.addSlot(flow, FlowSlot.NETWORK_CHECK, 25);
        // its steps are added by secondFactorSteps
        flows.addSubflow(flow, RESET_SECOND_FACTOR, Requirement.CONDITIONAL, 30);
        flows.addSlot(flow, FlowSlot.BROWSER_ENFORCEMENT, 35);
        flows.addStep(flow, "reset-password", Requirement.REQUIRED, 40);
        return flow;
    }

    /** Keycloak's registration form (user creation and password), then the policy's 2FA enforcement. */
    private AuthenticationFlowModel createRegistrationFlow() {
        AuthenticationFlowModel flow = flows.addFlow(REGISTRATION, true, "Registration, managed by Security Center");
        flows.addSlot(flow, FlowSlot.NETWORK_CHECK, 5);
        AuthenticationFlowModel form = new AuthenticationFlowModel();
        form.setAlias(REGISTRATION + " form");
        form.setProviderId("form-flow");
        form.setTopLevel(false);
        form.setBuiltIn(false);
        form = realm.addAuthenticationFlow(form);
        AuthenticationExecutionModel page = new AuthenticationExecutionModel();
        page.setParentFlow(flow.getId());
        page.setAuthenticator("registration-page-form");
        page.setAuthenticatorFlow(true);
        page.setFlowId(form.getId());
        page.setRequirement(Requirement.REQUIRED);
        page.setPriority(10);
        realm.addAuthenticatorExecution(page);
        flows.addStep(form, "registration-user-creation", Requirement.REQUIRED, 10);
        flows.addStep(form, "registration-password-action", Requirement.REQUIRED, 20);
        flows.addSlot(flow, FlowSlot.BROWSER_ENFORCEMENT, 20);
        return flow;
    }
}
