<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=(message.summary)??; section>
<!-- template: security-center-password-expiry.ftl -->
    <#if section = "header">
        ${msg("securityCenterPasswordExpiryTitle", daysLeft)}
    <#elseif section = "form">
        <p id="sc-password-expiry">${msg("securityCenterPasswordExpiryText")}</p>
        <form id="sc-password-expiry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="sc-password-change" name="change" label="securityCenterPasswordExpiryChange" fullWidth=false />
                <@buttons.button id="sc-password-later" name="later" label="securityCenterPasswordExpiryLater" type="secondary" fullWidth=false />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
