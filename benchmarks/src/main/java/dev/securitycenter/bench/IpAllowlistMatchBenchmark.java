package dev.securitycenter.bench;

import dev.securitycenter.network.IpAllowlistMatcher;
import dev.securitycenter.policy.InvalidIpRangeException;
import dev.securitycenter.policy.IpRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One allowlist lookup as sign-in and the token endpoint make it: an address string as Keycloak reports it, against
 * a list of 10,000 mixed IPv4/IPv6 entries; and, for the ratio, the same lookup as a linear scan over the ranges.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IpAllowlistMatchBenchmark {

    @Param({"10000"})
    int entries;

    private IpAllowlistMatcher matcher;
    private List<IpRange> ranges;
    private String[] addresses;
    private int next;

    @Setup
    public void build() throws InvalidIpRangeException {
        Random random = new Random(42);
        ranges = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            if (i % 2 == 0) {
                int prefix = 16 + random.nextInt(17);
                long base = (random.nextLong() & 0xffffffffL) >>> (32 - prefix) << (32 - prefix);
                ranges.add(IpRange.parse(ipv4(base) + "/" + prefix));
            } else {
                ranges.add(IpRange.parse(String.format("2001:db8:%x:%x::/64", random.nextInt(0x10000),
                        random.nextInt(0x10000))));
            }
        }
        matcher = IpAllowlistMatcher.compile(ranges);
        addresses = new String[1024];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = i % 2 == 0 ? ipv4(random.nextLong() & 0xffffffffL)
                    : String.format("2001:db8:%x:%x:0:0:0:%x", random.nextInt(0x10000), random.nextInt(0x10000),
                    random.nextInt(0x10000));
        }
    }

    @Benchmark
    public boolean compiledLookup() {
        return matcher.allows(addresses[next++ & 1023]);
    }

    @Benchmark
    public boolean linearScan() {
        IpRange address = IpRange.address(addresses[next++ & 1023]).orElseThrow();
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String ipv4(long v) {
        return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }
}
