<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenterCodeBodyHtml", code, ttlMinutes, realmName))?no_esc}
</@layout.emailLayout>
