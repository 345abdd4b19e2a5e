<#ftl output_format="plainText">
${msg("securityCenterLockoutAlertBody", lockedUsername, lockouts, realmName)}
