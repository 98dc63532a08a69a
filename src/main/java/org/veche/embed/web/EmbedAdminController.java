package org.veche.embed.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.embed.EmbeddedPages;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;

/**
 * The administrator's embed page (under /admin, so administrators only): the sites
 * allowed to show this site's discussions, and the snippet to paste into their pages.
 */
@Controller
class EmbedAdminController {

	private final EmbeddedPages pages;

	EmbedAdminController(EmbeddedPages pages) {
		this.pages = pages;
	}

	@GetMapping("/admin/embed")
	ModelAndView page(@RequestParam(required = false) String saved) {
		return page(String.join("\n", pages.allowedOrigins()), saved != null ? "embed.admin.saved" : "", null,
				HttpStatus.OK);
	}

	@PostMapping("/admin/embed")
	ModelAndView save(@RequestParam(defaultValue = "") String origins) {
		try {
			pages.allowOrigins(origins);
		}
		catch (RejectedInput rejected) {
			return page(origins, "", FormError.of(rejected), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return new ModelAndView("redirect:/admin/embed?saved");
	}

	private static ModelAndView page(String origins, String notice, FormError error, HttpStatus status) {
		var model = new EmbedAdminPage(origins, notice, error,
				ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		return new ModelAndView("embed/admin", Map.of("model", model), status);
	}

}
