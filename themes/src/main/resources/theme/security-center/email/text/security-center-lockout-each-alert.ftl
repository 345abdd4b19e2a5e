<#ftl output_format="plainText">
${msg("securityCenterLockoutEachAlertBody", lockedUsername, realmName)}
