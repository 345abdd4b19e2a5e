package dev.securitycenter.password.breach;

import org.keycloak.provider.Provider;

/** Tells whether a password is known from data breaches. Implementations never send the password itself anywhere. */
public interface BreachedPasswords extends Provider {

    BreachVerdict check(String password);

    /**
     * Whether a password that could not be checked ({@link BreachVerdict#UNKNOWN}) is refused where a password is
     * set (fail closed) or let through (fail open). Sign-in never fails on an unknown verdict either way.
     */
    boolean refusesUnchecked();

    @Override
    default void close() {
    }
}
