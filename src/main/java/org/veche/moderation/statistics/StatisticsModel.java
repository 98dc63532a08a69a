package org.veche.moderation.statistics;

/**
 * The moderators' statistics for one period, and the periods to choose from.
 */
public record StatisticsModel(Statistics stats, StatisticsPeriod[] periods) {
}
