<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("securityCenterPolicyChangeIntro", realmName)}</p>
<ul>
<#list changes as change>
<li>${msg("securityCenterPolicyChange-" + change)}</li>
</#list>
</ul>
<p>${msg("securityCenterPolicyChangeOutro")}</p>
</@layout.emailLayout>
