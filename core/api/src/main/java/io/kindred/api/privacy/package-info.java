/**
 * Members' rights over their personal data (PIPL, GDPR): what each plugin holds about a member, for the member's
 * export, and how it is erased when the member's account is deleted. A plugin registers one {@link PersonalData}
 * with {@link io.kindred.api.PluginContext#personalData(PersonalData)}.
 */
package io.kindred.api.privacy;
