<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("securityCenterCredentialChanged-" + change + "Html", realmName, method))?no_esc}
<table role="presentation">
<tr><th align="left">${msg("securityCenterSignInWhen")}</th><td>${when}</td></tr>
<tr><th align="left">${msg("securityCenterSignInAddress")}</th><td>${ipAddress}</td></tr>
</table>
${kcSanitize(msg("securityCenterCredentialChangedOutroHtml"))?no_esc}
<p><a id="sc-this-wasnt-me" href="${reportUrl}">${msg("securityCenterThisWasntMe")}</a></p>
<p>${msg("securityCenterThisWasntMeHelp")}</p>
</@layout.emailLayout>
