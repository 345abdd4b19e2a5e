package dev.securitycenter.mfa.smssender;

/** A text message could not be handed over to the gateway. */
public class SmsException extends RuntimeException {
    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
