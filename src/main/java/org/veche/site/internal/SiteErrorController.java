package org.veche.site.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.veche.site.PageModel;
import org.veche.site.SiteProperties;

/**
 * Errors that reach the servlet container: a page in the site's style for browsers, RFC
 * 9457 problem+json for everyone else, and never a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class SiteErrorController extends BasicErrorController {

	private final MessageSource messages;

	private final SiteProperties site;

	SiteErrorController(ErrorAttributes errorAttributes, MessageSource messages, SiteProperties site) {
		super(errorAttributes, new org.springframework.boot.autoconfigure.web.ErrorProperties(), List.of());
		this.messages = messages;
		this.site = site;
	}

	@Override
	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = getStatus(request);
		response.setStatus(status.value());
		return new ModelAndView("site/error", Map.of("page", PageAttribute.pageFor(request, messages, site),
				PageModel.NAME, new ErrorPage(status.value())));
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (status.is4xxClientError() && attributes.get("message") instanceof String message && !message.isBlank()
				&& !message.equals("No message available")) {
			problem.setDetail(message);
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
			// the site's own refusals (a full disk, a rate limit): say why, in the
			// reader's language
			var locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
			problem.setTitle(
					messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
			problem.setDetail(
					messages.getMessage("error." + status.value() + ".text", null, status.getReasonPhrase(), locale));
		}
		Object path = attributes.get("path");
		if (path instanceof String p) {
			problem.setInstance(java.net.URI.create(p.replace(" ", "%20")));
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problemAsMap(problem));
	}

	private static Map<String, Object> problemAsMap(ProblemDetail problem) {
		var map = new java.util.LinkedHashMap<String, Object>();
		map.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		return map;
	}

}
