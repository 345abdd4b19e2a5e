<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenter2faReminderBodyHtml", user.firstName!user.username, realmName, accountUrl))?no_esc}
</@layout.emailLayout>
