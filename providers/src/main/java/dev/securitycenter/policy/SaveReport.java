package dev.securitycenter.policy;

import java.util.Map;

/** What the contributions' writes did that the save's answer reports. */
public final class SaveReport {

    private int terminatedSessions;
    private long usersToldByEmail;

    public void sessionsTerminated(int count) {
        terminatedSessions += count;
    }

    int terminatedSessions() {
        return terminatedSessions;
    }

    /** People who will be mailed what the save changes at their next sign-in. */
    public void usersToldByEmail(long count) {
        usersToldByEmail += count;
    }

    /** The count for {@code policy.updated}'s details, only when someone will be told (older records have none). */
    void addUsersToldByEmail(Map<String, Object> details) {
        if (usersToldByEmail > 0) {
            details.put("usersToldByEmail", usersToldByEmail);
        }
    }
}
