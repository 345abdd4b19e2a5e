package dev.securitycenter.policy;

import java.util.Map;

/**
 * People for whom a policy save changes something at their next sign-in, as a capability describes them: the
 * {@code change} (the key the mail telling them names it by) and a JPQL condition on the user entity {@code u}
 * with its parameters, so that they are counted and paged through in the database, never loaded all at once.
 * Parameter names are the capability's own (prefixed), so conditions can be tested one after another on one query.
 */
public record PolicyAudience(String change, String condition, Map<String, Object> parameters) {
}
