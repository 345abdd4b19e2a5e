package dev.securitycenter.policy;

/** A required action a capability needs registered in the realm (Keycloak runs only registered ones). */
public record EnrolmentAction(String alias, String name) {
}
