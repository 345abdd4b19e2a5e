package dev.securitycenter.audit;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditExportFormatTest {

    @Test
    void csvQuotesCellsAndDefusesFormulas() throws Exception {
        StringWriter out = new StringWriter();
        AuditExportFormat.CSV.write(new AuditEventView("id-1", "2025-12-11T14:32:00Z", "auth.login_failed",
                null, "=HYPERLINK(\"x\")", null, "@admin", null, "10.0.0.1", "{\"a\":\"b,c\"}"), out);
        assertEquals("\"id-1\",\"2025-12-11T14:32:00Z\",\"auth.login_failed\",,\"'=HYPERLINK(\"\"x\"\")\",,"
                + "\"'@admin\",,\"10.0.0.1\",\"{\"\"a\"\":\"\"b,c\"\"}\"\n", out.toString());
    }

    @Test
    void jsonLinesKeepDetailsAsAnObject() throws Exception {
        StringWriter out = new StringWriter();
        AuditExportFormat.JSONL.write(new AuditEventView("id-1", "t", "policy.updated", null, null, "a1", "admin",
                null, null, "{\"changes\":[]}"), out);
        assertEquals("{\"id\":\"id-1\",\"time\":\"t\",\"type\":\"policy.updated\",\"userId\":null,\"username\":null,"
                + "\"actorId\":\"a1\",\"actorUsername\":\"admin\",\"clientId\":null,\"ipAddress\":null,"
                + "\"details\":{\"changes\":[]}}\n", out.toString());
    }
}
