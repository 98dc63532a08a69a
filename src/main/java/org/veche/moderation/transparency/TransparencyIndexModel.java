package org.veche.moderation.transparency;

import java.time.YearMonth;
import java.util.List;

/**
 * The months with a public moderation report.
 */
public record TransparencyIndexModel(List<YearMonth> months) {
}
