package dev.securitycenter.rest;

import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.lockout.LockedUser;
import dev.securitycenter.lockout.PastLockout;
import dev.securitycenter.mfa.ChangeConfirmation;
import dev.securitycenter.mfa.MfaAdoption;
import dev.securitycenter.mfa.MfaAdoptionHistory;
import dev.securitycenter.mfa.OwnSecondFactors;
import dev.securitycenter.mfa.totp.TotpEnrolment;
import dev.securitycenter.password.PasswordRuleViolation;
import dev.securitycenter.policy.FieldError;
import dev.securitycenter.policy.IpAllowlistEntry;
import dev.securitycenter.policy.IpAllowlistRules;
import dev.securitycenter.policy.LockoutRules;
import dev.securitycenter.policy.MfaAdminStrength;
import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PasswordRules;
import dev.securitycenter.policy.PolicyPreview;
import dev.securitycenter.policy.PolicyValidator;
import dev.securitycenter.policy.PolicyWriter;
import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SessionRules;
import dev.securitycenter.notify.OwnNotifications;
import dev.securitycenter.policy.NotificationRules;
import dev.securitycenter.policy.PolicyChoices;
import dev.securitycenter.policy.SsoRules;
import dev.securitycenter.sessions.SessionView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consoles' types of the REST answers are generated from the records the resources return, so the two cannot
 * drift: the consoles import them from {@code themes/src/main/frontend/src/shared/generated/api.ts}, where a
 * changed record breaks {@code tsc} in the themes build, and this test fails while the committed file differs
 * from the records. {@code -Dapi-types.update=true} rewrites the file.
 */
class ApiTypesTest {

    /**
     * Every record and enum of the admin and account APIs' answers under the name the consoles use. A class that
     * moves or is renamed changes one line here; the TypeScript name stays.
     */
    static final Map<String, Class<?>> ANSWERS = answers();

    private static Map<String, Class<?>> answers() {
        Map<String, Class<?>> answers = new LinkedHashMap<>();
        answers.put("SecurityPolicy", SecurityPolicy.class);
        answers.put("PasswordRules", PasswordRules.class);
        answers.put("SessionRules", SessionRules.class);
        answers.put("MfaRules", MfaRules.class);
        answers.put("MfaEnforcement", MfaEnforcement.class);
        answers.put("MfaMethod", MfaMethod.class);
        answers.put("MfaAdminStrength", MfaAdminStrength.class);
        answers.put("LockoutRules", LockoutRules.class);
        answers.put("IpAllowlistRules", IpAllowlistRules.class);
        answers.put("AllowlistEntry", IpAllowlistEntry.class);
        answers.put("SsoRules", SsoRules.class);
        answers.put("PolicyChoices", PolicyChoices.class);
        answers.put("NotificationRules", NotificationRules.class);
        answers.put("OwnNotifications", OwnNotifications.View.class);
        answers.put("NotificationChoice", OwnNotifications.Choice.class);
        answers.put("KnownDevice", OwnNotifications.KnownDevice.class);
        answers.put("SaveResult", PolicyWriter.Result.class);
        answers.put("Notice", PolicyValidator.Notice.class);
        answers.put("PreviewWarning", PolicyPreview.Warning.class);
        answers.put("FieldError", FieldError.class);
        answers.put("MfaStatus", MfaAdoption.Status.class);
        answers.put("LockedUser", LockedUser.class);
        answers.put("PastLockout", PastLockout.class);
        answers.put("LockoutEnding", PastLockout.Ending.class);
        answers.put("AuditEvent", AuditEventView.class);
        answers.put("AccountOverview", AccountOverview.class);
        answers.put("AccountPassword", AccountOverview.Password.class);
        answers.put("AccountPasswordRules", AccountOverview.Rules.class);
        answers.put("AccountTwoFactor", AccountOverview.TwoFactor.class);
        answers.put("ChangeConfirmation", ChangeConfirmation.class);
        answers.put("PendingTotp", TotpEnrolment.Pending.class);
        answers.put("SecondFactors", OwnSecondFactors.Factors.class);
        answers.put("SecondFactor", OwnSecondFactors.Factor.class);
        answers.put("Session", SessionView.class);
        answers.put("PasswordRuleViolation", PasswordRuleViolation.class);
        answers.put("Finding", dev.securitycenter.policy.Finding.class);
        answers.put("FindingStatus", dev.securitycenter.policy.Finding.Status.class);
        answers.put("SecurityStats", SecurityStats.class);
        answers.put("DayCounts", SecurityStats.DayCounts.class);
        answers.put("AdoptionDay", MfaAdoptionHistory.Day.class);
        return answers;
    }

    private static final String HEADER = """
            // Generated by providers' ApiTypesTest from the Java records the REST resources return; do not edit.
            // After a change to those records: mvn -B test -pl providers -Dtest=ApiTypesTest -Dapi-types.update=true
            """;

    @Test
    void committedTypesMatchTheRecords() throws IOException {
        Path file = Path.of(System.getProperty("api.types.file"));
        String generated = new TypeScriptDeclarations(ANSWERS).render(HEADER);
        if (Boolean.getBoolean("api-types.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
        }
        assertEquals(generated, Files.exists(file) ? Files.readString(file) : "", file + " is not what the records"
                + " say now: regenerate it with -Dapi-types.update=true (README, \"The consoles\")");
    }
}
