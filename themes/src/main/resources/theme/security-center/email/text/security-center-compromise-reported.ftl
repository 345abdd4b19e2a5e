<#ftl output_format="plainText">
${msg("securityCenterCompromiseReportedBody", reportedUsername, realmName)}
