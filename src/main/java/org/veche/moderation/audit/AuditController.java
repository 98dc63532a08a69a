package org.veche.moderation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.veche.site.PageModel;

/**
 * The owner's audit page ({@code /admin/moderation/audit}, administrators only by the
 * rules on {@code /admin/**}): the chain's head, the export as JSON lines, a check of the
 * chain kept in the database, and a check of an uploaded export that says where it
 * breaks.
 */
@Controller
class AuditController {

	private final AuditChain chain;

	private final Clock clock;

	AuditController(AuditChain chain, Clock clock) {
		this.chain = chain;
		this.clock = clock;
	}

	@GetMapping("/admin/moderation/audit")
	ModelAndView page(@RequestParam(required = false) String check) {
		var head = chain.head();
		Long broken = check != null ? chain.firstBrokenInDatabase() : null;
		return page(new AuditModel(head, null, null, broken, null), HttpStatus.OK);
	}

	@GetMapping("/admin/moderation/audit.jsonl")
	void export(HttpServletResponse response) throws IOException {
		response.setContentType("application/jsonl");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"veche-audit-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".jsonl\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		chain.export(out);
		out.flush();
	}

	@PostMapping("/admin/moderation/audit")
	ModelAndView verify(@RequestParam(required = false) MultipartFile file) {
		var head = chain.head();
		if (file == null || file.isEmpty()) {
			return page(new AuditModel(head, null, null, null, "audit.upload.none"), HttpStatus.BAD_REQUEST);
		}
		AuditCheck check;
		try (var lines = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			check = AuditCheck.of(lines);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return page(new AuditModel(head, null, null, null, "audit.upload.unreadable"), HttpStatus.BAD_REQUEST);
		}
		// an intact file must also end where the database's chain says that line ended: a
		// changed or cut last line shows here
		Boolean matches = check.intact() && check.lastSeq() > 0
				? chain.hashAt(check.lastSeq()).map(check.head()::equals).orElse(false) : null;
		return page(new AuditModel(head, check, matches, null, null), HttpStatus.OK);
	}

	private static ModelAndView page(AuditModel model, HttpStatus status) {
		return PageModel.of("moderation/audit", model, status);
	}

}
