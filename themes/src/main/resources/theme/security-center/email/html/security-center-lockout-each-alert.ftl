<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenterLockoutEachAlertBodyHtml", lockedUsername, realmName))?no_esc}
</@layout.emailLayout>
