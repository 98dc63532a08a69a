package org.veche.privacy.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export as a JSON file the browser saves, never cached on the way. Written
 * straight to the response, so that a form handler can answer either with the file or
 * with its page shown again.
 */
@Component
class DataExports {

	private final JsonMapper json;

	DataExports(JsonMapper json) {
		this.json = json;
	}

	void write(Map<String, Object> export, HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("personal-data.json").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), export);
	}

	/** A plain e-mail check: the link mailed to it is the real test. */
	static boolean plausibleEmail(String email) {
		return email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	}

}
