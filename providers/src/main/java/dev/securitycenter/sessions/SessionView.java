package dev.securitycenter.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One of the caller's sessions as the session list shows it. {@code device} is a display name ("Chrome on Linux")
 * with the parsed parts beside it; times are ISO-8601 instants; {@code offline} marks an offline-token session.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "device", "browser", "os", "mobile", "ip", "location", "lastActive", "started", "current",
        "offline", "clients"})
public record SessionView(
        String id,
        String device,
        String browser,
        String os,
        boolean mobile,
        String ip,
        String location,
        String lastActive,
        String started,
        boolean current,
        boolean offline,
        List<String> clients) {
}
