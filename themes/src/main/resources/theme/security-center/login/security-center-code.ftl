<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code') && (message.summary)??; section>
<!-- template: security-center-code.ftl -->
    <#if section = "header">
        ${msg("securityCenterCodeTitle-" + scChannel)}
    <#elseif section = "form">
        <p id="sc-code-sent" class="${properties.kcFormHelperTextClass!}">${msg("securityCenterCodeSent-" + scChannel, scDestination)}</p>
        <form id="sc-code-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
            <@field.input name="code" label=msg("securityCenterCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.loginButton />
        </form>
        <form id="sc-code-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="sc-code-resend" name="resend" label="securityCenterCodeResend" type="secondary" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
