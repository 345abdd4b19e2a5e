package dev.securitycenter.password.breach;

/** What a breach check learnt about one password. */
public enum BreachVerdict {
    /** The password appears in the breach corpus. */
    BREACHED,
    /** The corpus was consulted and the password is not in it. */
    NOT_FOUND,
    /** The corpus could not be consulted (timeout, error answer, unreachable). */
    UNKNOWN
}
