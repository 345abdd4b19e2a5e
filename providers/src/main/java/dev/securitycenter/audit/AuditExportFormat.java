package dev.securitycenter.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;

/** Export formats of the audit log: one event per line. */
public enum AuditExportFormat {
    CSV("text/csv", "csv") {
        private static final String HEADER =
                "id,time,type,userId,username,actorId,actorUsername,clientId,ipAddress,details\n";

        @Override
        public void begin(Writer out) throws IOException {
            out.write(HEADER);
        }

        @Override
        public void write(AuditEventView e, Writer out) throws IOException {
            String[] cells = {e.id(), e.time(), e.type(), e.userId(), e.username(), e.actorId(), e.actorUsername(),
                    e.clientId(), e.ipAddress(), e.details()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells[i]));
            }
            out.write('\n');
        }

        /**
         * Quotes every non-empty cell, and defuses values a spreadsheet would run as a formula (a username such as
         * {@code =HYPERLINK(…)}), per OWASP's CSV-injection advice.
         */
        private static String cell(String value) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
    },
    JSONL("application/x-ndjson", "jsonl") {
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public void begin(Writer out) {
        }

        @Override
        public void write(AuditEventView e, Writer out) throws IOException {
            out.write(mapper.writeValueAsString(e));
            out.write('\n');
        }
    };

    private final String mediaType;
    private final String extension;

    AuditExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public abstract void begin(Writer out) throws IOException;

    public abstract void write(AuditEventView event, Writer out) throws IOException;

    /** Writes one event, for use from a consumer that cannot throw. */
    public void writeUnchecked(AuditEventView event, Writer out) {
        try {
            write(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<AuditExportFormat> fromName(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(name)).findFirst();
    }
}
