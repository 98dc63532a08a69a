package org.veche.moderation.filter;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * The administrator's filter page ({@code /admin/filter}, administrators only by the
 * security rules on {@code /admin/**}): how much each classifier has learned, and
 * training from a labelled CSV file.
 */
@Controller
class FilterAdminController {

	private final LearningFilter filter;

	FilterAdminController(LearningFilter filter) {
		this.filter = filter;
	}

	@GetMapping("/admin/filter")
	ModelAndView page() {
		return page(null, null, HttpStatus.OK, FilterTask.SPAM);
	}

	@PostMapping("/admin/filter")
	ModelAndView train(@RequestParam(defaultValue = "") String task,
			@RequestParam(required = false) MultipartFile file) {
		FilterTask chosen = Arrays.stream(FilterTask.values())
			.filter(t -> t.name().equalsIgnoreCase(task.strip()))
			.findFirst()
			.orElse(FilterTask.SPAM);
		try {
			if (file == null || file.isEmpty()) {
				throw new RejectedInput("filter.csv.none");
			}
			TrainingReport report;
			try (Reader csv = LabelledCsv.utf8(file.getInputStream())) {
				report = filter.train(chosen, csv);
			}
			return page(report, null, HttpStatus.OK, chosen);
		}
		catch (RejectedInput rejected) {
			return page(null, rejected, rejected.status(), chosen);
		}
		catch (IOException ex) {
			return page(null, new RejectedInput("filter.csv.malformed", 1), HttpStatus.BAD_REQUEST, chosen);
		}
	}

	@PostMapping("/admin/filter/reset")
	String reset(@RequestParam(defaultValue = "") String task) {
		Arrays.stream(FilterTask.values()).filter(t -> t.name().equals(task)).findFirst().ifPresent(filter::reset);
		return "redirect:/admin/filter";
	}

	private ModelAndView page(TrainingReport report, RejectedInput error, HttpStatus status, FilterTask chosen) {
		var learned = new EnumMap<FilterTask, Long>(FilterTask.class);
		for (FilterTask t : FilterTask.values()) {
			learned.put(t, filter.examples(t));
		}
		var model = new FilterModel(List.of(FilterTask.values()), learned, chosen, report,
				error == null ? null : error.messageKey(),
				error == null ? List.of() : Arrays.asList(error.arguments()));
		return PageModel.of("moderation/filter", model, status);
	}

}
