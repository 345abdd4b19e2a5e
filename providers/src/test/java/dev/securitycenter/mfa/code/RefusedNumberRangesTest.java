package dev.securitycenter.mfa.code;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusedNumberRangesTest {

    @Test
    void premiumRateAndSharedCostRangesAreRefused() {
        for (String number : List.of("+19005550100", "+12129760100", "+449098790000", "+97912345678",
                "+80812345678")) {
            assertEquals(Optional.of(RefusedNumberRanges.Reason.PREMIUM_RATE), RefusedNumberRanges.of(number), number);
        }
    }

    @Test
    void spareCountryCodesAreRefused() {
        for (String number : List.of("+2801234567", "+2101234567", "+4221234567", "+6931234567", "+8011234567",
                "+8351234567", "+8911234567", "+9991234567")) {
            assertEquals(Optional.of(RefusedNumberRanges.Reason.UNASSIGNED_COUNTRY_CODE),
                    RefusedNumberRanges.of(number), number);
        }
    }

    @Test
    void ordinaryNumbersPass() {
        for (String number : List.of("+15551234567", "+12125550100", "+447700900123", "+4420794600000",
                "+33612345678", "+8613800138000", "+97150123456", "+2348012345678", "+9779812345678",
                "+351912345678", "+421912345678", "+8801712345678")) {
            assertEquals(Optional.empty(), RefusedNumberRanges.of(number), number);
        }
    }
}
