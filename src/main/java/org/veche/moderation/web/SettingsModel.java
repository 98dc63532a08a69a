package org.veche.moderation.web;

/**
 * The discussion settings page: the rules' form and surge mode's.
 *
 * @param notice "saved" (a message key), or null
 * @param error why the form was refused (a message key), or null
 * @param longest the longest comment the site takes at all
 */
public record SettingsModel(SettingsForm form, String notice, String error, Object[] errorArgs, int longest,
		SurgeForm surge) {
}
