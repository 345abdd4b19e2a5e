<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenterCompromiseReportedBodyHtml", reportedUsername, realmName))?no_esc}
</@layout.emailLayout>
