package dev.securitycenter.policy;

/** An allowlist value that is not a literal address or network; the message says which rule it breaks. */
public class InvalidIpRangeException extends Exception {

    public InvalidIpRangeException(String message) {
        super(message);
    }
}
