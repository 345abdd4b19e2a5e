<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenterLockoutAlertBodyHtml", lockedUsername, lockouts, realmName))?no_esc}
</@layout.emailLayout>
