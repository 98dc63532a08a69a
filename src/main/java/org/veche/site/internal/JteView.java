package org.veche.site.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.View;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/**
 * Renders one jte template into bytes first, so that a failing template never leaves half
 * a page on the wire and the response gets an exact Content-Length.
 */
record JteView(TemplateEngine engine, String template) implements View {

	@Override
	public String getContentType() {
		return "text/html;charset=UTF-8";
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		var output = new Utf8ByteOutput();
		@SuppressWarnings("unchecked")
		Map<String, Object> params = (Map<String, Object>) model;
		engine.render(template, params, output);
		response.setContentType(getContentType());
		response.setContentLength(output.getContentLength());
		output.writeTo(response.getOutputStream());
	}

}
