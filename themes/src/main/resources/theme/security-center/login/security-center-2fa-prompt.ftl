<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=(message.summary)??; section>
<!-- template: security-center-2fa-prompt.ftl -->
    <#if section = "header">
        ${msg("securityCenter2faPromptTitle")}
    <#elseif section = "form">
        <p id="sc-2fa-prompt">${msg("securityCenter2faPromptText")}</p>
        <form id="sc-2fa-prompt-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="sc-2fa-setup" name="setup" label="securityCenter2faPromptSetUp" fullWidth=false />
                <@buttons.button id="sc-2fa-later" name="later" label="securityCenter2faPromptLater" type="secondary" fullWidth=false />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
