package org.veche.site;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * An HTML page answered with one typed model: its template takes the record as
 * {@code @param <Record> view}, beside the {@link Page} every page gets, so no page is
 * filled by string keys and a template's inputs are the components of one record the
 * compiler checks.
 */
public final class PageModel {

	/** The name every page template gives its one model. */
	public static final String NAME = "view";

	private PageModel() {
	}

	/**
	 * The page rendered by {@code template} (e.g. "identity/account") from {@code view},
	 * with the response's status as it is (200 unless something set another).
	 */
	public static ModelAndView of(String template, Record view) {
		return new ModelAndView(template, NAME, view);
	}

	/**
	 * The page rendered by {@code template} from {@code view}, answered with
	 * {@code status}.
	 */
	public static ModelAndView of(String template, Record view, HttpStatusCode status) {
		var page = new ModelAndView(template, NAME, view);
		page.setStatus(status);
		return page;
	}

}
