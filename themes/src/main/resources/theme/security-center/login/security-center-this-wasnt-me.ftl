<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=(message.summary)??; section>
<!-- template: security-center-this-wasnt-me.ftl -->
    <#if section = "header">
        ${msg("securityCenterReport-" + reportState + "-title")}
    <#elseif section = "form">
        <p id="sc-report-${reportState}-text">${msg("securityCenterReport-" + reportState + "-text")}</p>
        <#if reportState = "confirm">
            <#-- a GET like every action-token link: the form's fields are the whole query. The key is the link bound
                 to this browser's authentication session, which only this page knows: that binding is the
                 confirmation, so a mail scanner following the mailed link, or anyone adding to it, confirms nothing -->
            <form id="sc-report-form" class="${properties.kcFormClass!}" action="${reportAction}" method="get">
                <input type="hidden" name="key" value="${reportKey}"/>
                <input type="hidden" name="client_id" value="${reportClientId}"/>
                <input type="hidden" name="tab_id" value="${reportTabId}"/>
                <@buttons.actionGroup horizontal=true>
                    <@buttons.button id="sc-report-confirm" name="secure" label="securityCenterReportConfirm" fullWidth=false />
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
