package dev.securitycenter.it.bench;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Markdown section comparing the statements of one kind of sign-in in the managed and the stock realm: the
 * totals per sign-in, then every statement whose number of calls per sign-in differs, most different first.
 */
final class StatementReport {

    private static final int QUERY_TEXT = 150;

    private StatementReport() {
    }

    static String of(String title, int signIns, Map<String, StatementCounts.Usage> managed,
                     Map<String, StatementCounts.Usage> stock) {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| Realm | statements per sign-in | PostgreSQL execution ms per sign-in |\n|---|---|---|\n");
        out.append(total("managed flow, every policy on", signIns, managed));
        out.append(total("stock flow, same built-in settings", signIns, stock));
        out.append("\n| Statement | managed per sign-in | stock per sign-in | difference |\n|---|---|---|---|\n");
        Set<String> queries = new HashSet<>(managed.keySet());
        queries.addAll(stock.keySet());
        queries.stream()
                .map(query -> new Row(query, perSignIn(managed.get(query), signIns),
                        perSignIn(stock.get(query), signIns)))
                .filter(row -> Math.abs(row.difference()) >= 0.05)
                .sorted(Comparator.comparingDouble((Row row) -> -Math.abs(row.difference()))
                        .thenComparing(Row::query))
                .forEach(row -> out.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %+.2f |%n",
                        shortened(row.query()), row.managed(), row.stock(), row.difference())));
        return out.toString();
    }

    private static String total(String realm, int signIns, Map<String, StatementCounts.Usage> usage) {
        long calls = usage.values().stream().mapToLong(StatementCounts.Usage::calls).sum();
        double millis = usage.values().stream().mapToDouble(StatementCounts.Usage::millis).sum();
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", realm, (double) calls / signIns,
                millis / signIns);
    }

    private static double perSignIn(StatementCounts.Usage usage, int signIns) {
        return usage == null ? 0 : (double) usage.calls() / signIns;
    }

    private static String shortened(String query) {
        String text = query.replace('|', '/').replace('`', '\'');
        return text.length() <= QUERY_TEXT ? text : text.substring(0, QUERY_TEXT) + "…";
    }

    private record Row(String query, double managed, double stock) {
        double difference() {
            return managed - stock;
        }
    }
}
