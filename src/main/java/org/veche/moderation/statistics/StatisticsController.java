package org.veche.moderation.statistics;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.site.PageModel;

/**
 * The statistics page, for moderators and administrators like the queue
 * ({@code /moderation/**} in the security rules). The period is a plain link:
 * {@code ?days=30} (the default) or {@code ?days=90}.
 */
@Controller
class StatisticsController {

	private final ModerationStatistics statistics;

	StatisticsController(ModerationStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/moderation/stats")
	ModelAndView statistics(@RequestParam(defaultValue = "30") String days) {
		return PageModel.of("moderation/stats",
				new StatisticsModel(statistics.of(StatisticsPeriod.parse(days)), StatisticsPeriod.values()));
	}

}
