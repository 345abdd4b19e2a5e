<#ftl output_format="plainText">
${msg("securityCenterCredentialChanged-" + change, realmName, method)}

${msg("securityCenterSignInWhen")}: ${when}
${msg("securityCenterSignInAddress")}: ${ipAddress}

${msg("securityCenterCredentialChangedOutro")}

${msg("securityCenterThisWasntMe")}: ${reportUrl}
${msg("securityCenterThisWasntMeHelp")}
