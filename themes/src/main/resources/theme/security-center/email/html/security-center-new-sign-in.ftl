<#import "template.ftl" as layout>
<#-- the sign-in's facts come from the request (User-Agent, address): interpolated with HTML escaping, never as markup -->
<@layout.emailLayout>
${kcSanitize(msg("securityCenterNewSignInIntroHtml", realmName))?no_esc}
<table role="presentation">
<tr><th align="left">${msg("securityCenterSignInWhen")}</th><td>${when}</td></tr>
<tr><th align="left">${msg("securityCenterSignInDevice")}</th><td>${device}</td></tr>
<tr><th align="left">${msg("securityCenterSignInAddress")}</th><td>${ipAddress}</td></tr>
<tr><th align="left">${msg("securityCenterSignInLocation")}</th><td>${location}</td></tr>
</table>
${kcSanitize(msg("securityCenterNewSignInOutroHtml"))?no_esc}
<p><a id="sc-this-wasnt-me" href="${reportUrl}">${msg("securityCenterThisWasntMe")}</a></p>
<p>${msg("securityCenterThisWasntMeHelp")}</p>
</@layout.emailLayout>
