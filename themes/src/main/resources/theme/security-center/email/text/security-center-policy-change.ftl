<#ftl output_format="plainText">
${msg("securityCenterPolicyChangeIntro", realmName)}

<#list changes as change>
- ${msg("securityCenterPolicyChange-" + change)}
</#list>

${msg("securityCenterPolicyChangeOutro")}
