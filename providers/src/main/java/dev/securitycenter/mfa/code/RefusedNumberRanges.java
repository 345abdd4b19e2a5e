package dev.securitycenter.mfa.code;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone number ranges that codes are never sent to, because sending there costs the realm money that someone else
 * earns (premium-rate and shared-cost services, the core of SMS pumping / toll fraud) or because nobody can hold
 * such a number (country codes the ITU has not assigned). Recognised from the E.164 digits alone:
 * <ul>
 * <li>NANP (+1): area code 900 and exchange 976 (premium-rate services).</li>
 * <li>UK (+44): 9 after the country code, i.e. 09… premium-rate numbers.</li>
 * <li>International premium-rate (+979) and shared-cost (+808) services.</li>
 * <li>Spare country codes of ITU-T E.164 (list of assigned codes, 2016 and later notices): 210, 214, 215, 217,
 * 219, 259, 280–289, 292–296, 384, 388, 422, 424–429, 671, 684, 693–699, 801–807, 809, 83x, 851, 854, 857–859,
 * 871–874, 884, 885, 887, 889, 89x, 969, 978, 990, 997, 999.</li>
 * </ul>
 * Not recognised: premium ranges inside other national plans, numbers a carrier has not issued within an assigned
 * country code, and revenue-sharing ranges that are sold as ordinary mobile numbers. The send budgets
 * ({@link SendBudget}) bound the cost of those.
 */
public final class RefusedNumberRanges {

    public enum Reason { PREMIUM_RATE, UNASSIGNED_COUNTRY_CODE }

    private record Range(Pattern digits, Reason reason) {
    }

    private static final List<Range> RANGES = List.of(
            new Range(Pattern.compile("1900\\d*"), Reason.PREMIUM_RATE),
            new Range(Pattern.compile("1[2-9]\\d{2}976\\d*"), Reason.PREMIUM_RATE),
            new Range(Pattern.compile("449\\d*"), Reason.PREMIUM_RATE),
            new Range(Pattern.compile("(979|808)\\d*"), Reason.PREMIUM_RATE),
            new Range(Pattern.compile("(210|214|215|217|219|259|28\\d|29[2-6]|384|388|422|42[4-9]|671|684|69[3-9]"
                    + "|80[1-7]|809|83\\d|851|854|85[7-9]|87[1-4]|884|885|887|889|89\\d|969|978|990|997|999)\\d*"),
                    Reason.UNASSIGNED_COUNTRY_CODE));

    private RefusedNumberRanges() {
    }

    /** Why codes may not go to this E.164 number ({@code +} and digits), or empty when they may. */
    public static Optional<Reason> of(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return RANGES.stream().filter(range -> range.digits().matcher(digits).matches()).map(Range::reason)
                .findFirst();
    }
}
