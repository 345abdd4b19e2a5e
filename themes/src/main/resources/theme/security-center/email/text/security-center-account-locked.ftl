<#ftl output_format="plainText">
${msg(permanent?then("securityCenterAccountLockedPermanentBody", "securityCenterAccountLockedBody"), user.firstName!user.username, realmName)}
