package org.veche.importer.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.importer.ExportFormat;
import org.veche.importer.ImportFailed;
import org.veche.importer.ImportRun;
import org.veche.importer.Imports;
import org.veche.site.PageModel;
import org.veche.site.SiteProperties;

/**
 * The administrator's import page (under /admin, so administrators only): upload an
 * export, then watch its status page, which reloads itself with a Refresh header until
 * the report is there, no script needed.
 */
@Controller
class ImportAdminController {

	private final Imports imports;

	private final Path uploads;

	ImportAdminController(Imports imports, SiteProperties site) {
		this.imports = imports;
		this.uploads = site.dataDir().resolve("imports");
	}

	@GetMapping("/admin/import")
	ModelAndView form() {
		return form(null, List.of(), HttpStatus.OK);
	}

	@PostMapping("/admin/import")
	ModelAndView upload(@RequestParam(defaultValue = "") String format,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		var chosen = ExportFormat.parse(format);
		if (chosen.isEmpty()) {
			return form("importer.form.format", List.of(), HttpStatus.BAD_REQUEST);
		}
		if (file == null || file.isEmpty()) {
			return form("importer.form.file", List.of(), HttpStatus.BAD_REQUEST);
		}
		Files.createDirectories(uploads);
		Path saved = uploads.resolve("upload-" + UUID.randomUUID() + ".xml");
		file.transferTo(saved);
		String name = file.getOriginalFilename() == null ? saved.getFileName().toString()
				: file.getOriginalFilename().replaceAll("[\\p{Cntrl}/\\\\]", "_");
		try {
			ImportRun run = imports.start(chosen.get(), saved, name);
			return new ModelAndView("redirect:/admin/import/" + run.id());
		}
		catch (ImportFailed ex) {
			Files.deleteIfExists(saved);
			return form(ex.messageKey(), List.of(ex.arguments()), HttpStatus.CONFLICT);
		}
	}

	@GetMapping("/admin/import/{id}")
	ModelAndView status(@PathVariable long id, HttpServletResponse response) {
		ImportRun run = imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// read once: the import runs on, and the header and the page must tell the same
		// moment
		boolean running = !run.progress().finished();
		if (running) {
			response.setHeader("Refresh", "2");
		}
		return PageModel.of("importer/status", new ImportStatusPage(run, running));
	}

	private ModelAndView form(String error, List<Object> errorArgs, HttpStatus status) {
		return PageModel.of("importer/form", new ImportFormPage(imports.recent(), error, errorArgs), status);
	}

}
