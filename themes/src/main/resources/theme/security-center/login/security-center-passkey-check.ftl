<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=(message.summary)??; section>
<!-- template: security-center-passkey-check.ftl -->
    <#if section = "header">
        ${msg("securityCenterPasskeyCheckTitle")}
    <#elseif section = "form">
        <p id="sc-passkey-check">${msg("securityCenterPasskeyCheckText")}</p>
        <form id="sc-passkey-check-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#-- a browser without JavaScript cannot make a passkey either: its Continue posts "false" -->
            <input type="hidden" id="sc-passkey-supported" name="passkeySupported" value="false"/>
            <noscript>
                <@buttons.actionGroup>
                    <@buttons.button id="sc-passkey-check-continue" label="doContinue" />
                </@buttons.actionGroup>
            </noscript>
        </form>
        <script type="module">
            // the answer decides only which method the user sets up first; the server decides whether they must
            let supported = false;
            try {
                supported = !!window.PublicKeyCredential
                    && await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
            } catch (unavailable) {
                supported = false;
            }
            document.getElementById("sc-passkey-supported").value = supported ? "true" : "false";
            document.getElementById("sc-passkey-check-form").submit();
        </script>
    </#if>
</@layout.registrationLayout>
