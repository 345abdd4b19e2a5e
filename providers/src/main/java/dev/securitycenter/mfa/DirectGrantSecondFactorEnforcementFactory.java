package dev.securitycenter.mfa;

/**
 * The direct-grant flow's 2FA enforcement step {@value SecondFactorEnforcementFactory#GRANT_ID}: a token request
 * cannot walk a user through enrolment, so it is refused instead.
 */
public class DirectGrantSecondFactorEnforcementFactory extends SecondFactorEnforcementFactory {

    public DirectGrantSecondFactorEnforcementFactory() {
        super(GRANT_ID, false);
    }
}
