<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('recoveryCode') && (message.summary)??; section>
<!-- template: security-center-recovery-code.ftl -->
    <#if section = "header">
        ${msg("securityCenterRecoveryCodeTitle")}
    <#elseif section = "form">
        <p class="${properties.kcFormHelperTextClass!}">${msg("securityCenterRecoveryCodeHelp")}</p>
        <form id="sc-recovery-code-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
            <@field.input name="recoveryCode" label=msg("securityCenterRecoveryCodeLabel") autofocus=true />
            <@buttons.loginButton />
        </form>
    </#if>
</@layout.registrationLayout>
