<#ftl output_format="plainText">
${msg("securityCenterNewSignInIntro", realmName)}

${msg("securityCenterSignInWhen")}: ${when}
${msg("securityCenterSignInDevice")}: ${device}
${msg("securityCenterSignInAddress")}: ${ipAddress}
${msg("securityCenterSignInLocation")}: ${location}

${msg("securityCenterNewSignInOutro")}

${msg("securityCenterThisWasntMe")}: ${reportUrl}
${msg("securityCenterThisWasntMeHelp")}
