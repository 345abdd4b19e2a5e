<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg(permanent?then("securityCenterAccountLockedPermanentBodyHtml", "securityCenterAccountLockedBodyHtml"), user.firstName!user.username, realmName))?no_esc}
</@layout.emailLayout>
