<#ftl output_format="plainText">
${msg("securityCenter2faReminderBody", user.firstName!user.username, realmName, accountUrl)}
