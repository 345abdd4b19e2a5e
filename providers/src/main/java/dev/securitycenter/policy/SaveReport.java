package dev.securitycenter.policy;

/** What the contributions' writes did that the save's answer reports. */
public final class SaveReport {

    private int terminatedSessions;

    public void sessionsTerminated(int count) {
        terminatedSessions += count;
    }

    int terminatedSessions() {
        return terminatedSessions;
    }
}
