<#ftl output_format="plainText">
${msg("securityCenterCodeBody", code, ttlMinutes, realmName)}
