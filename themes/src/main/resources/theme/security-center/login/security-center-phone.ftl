<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phoneNumber') && (message.summary)??; section>
<!-- template: security-center-phone.ftl -->
    <#if section = "header">
        ${msg("securityCenterPhoneTitle")}
    <#elseif section = "form">
        <p class="${properties.kcFormHelperTextClass!}">${msg("securityCenterPhoneHelp")}</p>
        <form id="sc-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="phoneNumber" label=msg("securityCenterPhoneLabel") autocomplete="tel" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="sc-phone-send" name="send" label="securityCenterPhoneSend" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
