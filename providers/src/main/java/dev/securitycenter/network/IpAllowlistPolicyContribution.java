package dev.securitycenter.network;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.policy.FlowSlot;
import dev.securitycenter.policy.FlowStep;
import dev.securitycenter.policy.InvalidIpRangeException;
import dev.securitycenter.policy.IpAllowlistEntries;
import dev.securitycenter.policy.IpAllowlistEntry;
import dev.securitycenter.policy.IpAllowlistRules;
import dev.securitycenter.policy.IpRange;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SecurityPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IP allowlist section of the policy: the network check at the start of both managed flows, the client
 * policy that guards the token endpoint, the entries' table, and the enable/disable previews.
 */
public class IpAllowlistPolicyContribution implements PolicyContributionFactory, IpAllowlistEntries {

    @Override
    public String getId() {
        return "ip-allowlist";
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public List<FlowStep> flowSteps() {
        return List.of(new FlowStep(FlowSlot.NETWORK_CHECK, IpAllowlistAuthenticatorFactory.ID, 0));
    }

    @Override
    public List<IpAllowlistEntry> list(KeycloakSession session, RealmModel realm) {
        return new IpAllowlistStore(session).list(realm);
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
        IpAllowlistClientPolicy.INSTANCE.install(session, realm);
        new IpAllowlistStore(session).replace(realm, policy.ipAllowlist().entries(),
                actor == null ? null : actor.username());
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        allowlist(current.ipAllowlist(), next.ipAllowlist(), callerAddress, warnings);
        return warnings;
    }

    private static void allowlist(IpAllowlistRules current, IpAllowlistRules next, String callerAddress,
                                  List<Warning> warnings) {
        if (next.enabled() && !current.enabled()) {
            Optional<IpRange> own = IpRange.address(callerAddress);
            boolean covered = own.isPresent() && next.entries().stream()
                    .map(IpAllowlistEntry::value)
                    .map(IpAllowlistPolicyContribution::rangeOrNull)
                    .filter(Objects::nonNull)
                    .anyMatch(range -> range.contains(own.get()));
            warnings.add(new Warning("ALLOWLIST_ENABLE", covered ? 0 : 1,
                    "Only listed IPs can access the system." + (covered || own.isEmpty() ? ""
                            : " Your current IP (" + own.get().canonical() + ") will be added automatically.")));
        }
        if (!next.enabled() && current.enabled()) {
            warnings.add(new Warning("ALLOWLIST_DISABLE", 0, "Removing IP restrictions. All IPs will be allowed."));
        }
    }

    private static IpRange rangeOrNull(String value) {
        try {
            return IpRange.parse(value);
        } catch (InvalidIpRangeException e) {
            return null;
        }
    }
}
