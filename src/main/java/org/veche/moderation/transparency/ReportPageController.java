package org.veche.moderation.transparency;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.site.PageCache;
import org.veche.site.PageModel;

/**
 * The public moderation report: {@code /moderation/report} lists the months,
 * {@code /moderation/report/2026-12} shows one (open to everyone by the security rules,
 * unlike the rest of {@code /moderation}). Both pages are kept in the guests' page cache
 * as a listing is: any decision moves a comment's status, which rebuilds them.
 */
@Controller
class ReportPageController {

	private final MonthlyCounts counts;

	private final PageCache pages;

	private final Clock clock;

	ReportPageController(MonthlyCounts counts, PageCache pages, Clock clock) {
		this.counts = counts;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/moderation/report")
	ModelAndView months(HttpServletRequest request) {
		pages.keepListing(request);
		YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		var months = new ArrayList<YearMonth>();
		YearMonth first = counts.first().orElse(now);
		// newest first, at most ten years back
		for (YearMonth m = now; !m.isBefore(first) && months.size() < 120; m = m.minusMonths(1)) {
			months.add(m);
		}
		return PageModel.of("moderation/transparency-index", new TransparencyIndexModel(months));
	}

	@GetMapping("/moderation/report/{month}")
	ModelAndView month(@PathVariable String month, HttpServletRequest request) {
		YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		YearMonth asked;
		try {
			asked = month.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(month) : null;
		}
		catch (DateTimeParseException ex) {
			asked = null;
		}
		if (asked == null || asked.isAfter(now) || asked.getYear() < 2000) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		pages.keepListing(request);
		var model = new TransparencyModel(counts.of(asked, asked.isBefore(now)), MonthlyCounts.RULES,
				asked.minusMonths(1), asked.isBefore(now) ? asked.plusMonths(1) : null);
		return PageModel.of("moderation/transparency", model);
	}

}
