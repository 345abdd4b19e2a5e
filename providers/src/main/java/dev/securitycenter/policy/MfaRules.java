package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** 2FA enforcement, allowed methods and the realm roles that count as "admins" for REQUIRED_ADMINS. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MfaRules(MfaEnforcement enforcement, List<MfaMethod> methods, List<String> adminRoles) {
}
