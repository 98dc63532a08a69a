package org.veche.moderation.web;

import java.util.List;

import org.veche.moderation.Ban;

/**
 * The bans in force.
 *
 * @param lifted a ban was just lifted
 */
public record BansModel(List<Ban> bans, boolean lifted) {
}
