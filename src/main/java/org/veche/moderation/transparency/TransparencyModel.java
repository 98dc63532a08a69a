package org.veche.moderation.transparency;

import java.time.YearMonth;
import java.util.List;

/**
 * One month's public moderation report.
 *
 * @param rules the rules a hold is counted under, in the order shown
 * @param next the month after, or null while this one is not over
 */
public record TransparencyModel(MonthlyReport report, List<String> rules, YearMonth previous, YearMonth next) {
}
