<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#-- "SSO required": the identity providers first; the password form only for the break-glass admins, folded away. -->
<@layout.registrationLayout displayMessage=(message.summary)??; section>
<!-- template: security-center-sso-login.ftl -->
    <#if section = "header">
        ${msg("securityCenterSsoTitle")}
    <#elseif section = "form">
        <p id="sc-sso-intro">${msg("securityCenterSsoIntro")}</p>
        <#if social.providers?? && social.providers?has_content>
            <@identityProviders.show social=social/>
        </#if>
        <details id="sc-break-glass" class="${properties.kcFormGroupClass!}"<#if messagesPerField.existsError('username','password')> open</#if>>
            <summary>${msg("securityCenterSsoBreakGlass")}</summary>
            <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                <#if !usernameHidden??>
                    <@field.input name="username" label=msg("usernameOrEmail") error=messagesPerField.getFirstError('username','password') autocomplete="username" value=(login.username)!'' />
                </#if>
                <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autocomplete="current-password" />
                <@buttons.loginButton />
            </form>
        </details>
    </#if>
</@layout.registrationLayout>
