package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** When SSO is required, users sign in through an identity provider and manage no password here. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SsoRules(boolean required) {
}
