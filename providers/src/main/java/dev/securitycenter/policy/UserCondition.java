package dev.securitycenter.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * A JPQL condition on the user entity {@code u} with its parameters, so that a set of people is counted and paged
 * through in the database. Parameter names are prefixed by whoever builds the condition, so that conditions can be
 * combined on one query.
 */
public record UserCondition(String jpql, Map<String, Object> parameters) {

    /** Matches nobody. */
    public static final UserCondition NOBODY = new UserCondition("1 = 0", Map.of());

    public UserCondition {
        parameters = Map.copyOf(parameters);
    }

    public UserCondition and(UserCondition other) {
        return new UserCondition("(" + jpql + ") and (" + other.jpql + ")", merged(other));
    }

    public UserCondition andNot(UserCondition other) {
        return new UserCondition("(" + jpql + ") and not (" + other.jpql + ")", merged(other));
    }

    /** These people, as the ones a policy change concerns in the way {@code change} names. */
    public PolicyAudience audience(String change) {
        return new PolicyAudience(change, jpql, parameters);
    }

    private Map<String, Object> merged(UserCondition other) {
        Map<String, Object> merged = new HashMap<>(parameters);
        other.parameters.forEach((name, value) -> {
            if (merged.containsKey(name) && !merged.get(name).equals(value)) {
                throw new IllegalArgumentException("Two conditions give parameter " + name + " different values");
            }
            merged.put(name, value);
        });
        return merged;
    }
}
