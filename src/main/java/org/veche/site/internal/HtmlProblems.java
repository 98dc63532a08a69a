package org.veche.site.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.veche.site.RejectedInput;

/**
 * A page controller that refuses input it has no form for answers with the refusal's status and the site's
 * error page, not a 500. Forms catch their refusals themselves and show the form again.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlProblems {

	@ExceptionHandler(RejectedInput.class)
	void rejected(RejectedInput rejected, HttpServletResponse response) throws IOException {
		response.sendError(rejected.status().value());
	}

}
