package org.veche.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.archive.Archive;
import org.veche.site.PageModel;

/**
 * The administrator's page for moving the site: start a WXR export or a backup and
 * download it when done, or upload a backup to restore into this (empty) site; a run in
 * progress shows items done of total, the rate and the time left, and its report at the
 * end.
 */
@Controller
class ArchiveController {

	private final ArchiveJobs jobs;

	private final Archive archive;

	private final String baseUrl;

	ArchiveController(ArchiveJobs jobs, Archive archive, @Value("${veche.base-url:}") String baseUrl) {
		this.jobs = jobs;
		this.archive = archive;
		this.baseUrl = baseUrl.strip();
	}

	@GetMapping("/admin/archive")
	ModelAndView page(HttpServletResponse response) {
		return page(null, HttpStatus.OK, response);
	}

	private ModelAndView page(String error, HttpStatus status, HttpServletResponse response) {
		ArchiveRun job = jobs.current();
		if (job != null && job.state() == ArchiveRun.State.RUNNING) {
			// the page follows the run without a script: the browser reloads it every two
			// seconds
			response.setHeader("Refresh", "2");
		}
		return PageModel.of("archive/archive", new ArchivePage(job, error, archive.siteIsEmpty()), status);
	}

	@PostMapping("/admin/archive/wxr")
	ModelAndView wxr(HttpServletResponse response) {
		return started(jobs.export(ArchiveRun.Kind.WXR, base()), response);
	}

	@PostMapping("/admin/archive/backup")
	ModelAndView backup(HttpServletResponse response) {
		return started(jobs.export(ArchiveRun.Kind.BACKUP, base()), response);
	}

	private ModelAndView started(ArchiveRun job, HttpServletResponse response) {
		if (job == null) {
			return page("archive.busy", HttpStatus.CONFLICT, response);
		}
		return new ModelAndView("redirect:/admin/archive");
	}

	@GetMapping("/admin/archive/download")
	ResponseEntity<FileSystemResource> download() {
		ArchiveRun job = jobs.current();
		if (job == null || job.state() != ArchiveRun.State.DONE || job.file() == null
				|| !Files.isRegularFile(job.file())) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = job.kind() == ArchiveRun.Kind.WXR ? MediaType.APPLICATION_XML
				: MediaType.parseMediaType("application/zip");
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(job.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new FileSystemResource(job.file()));
	}

	/**
	 * A restore replaces the accounts, the one signed in among them, so the session ends
	 * here and the run is followed at an unguessable address; afterwards one signs in
	 * with an account from the backup.
	 */
	@PostMapping("/admin/archive/restore")
	ModelAndView restore(@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			return page("archive.restore.noFile", HttpStatus.BAD_REQUEST, response);
		}
		if (!archive.siteIsEmpty()) {
			return page("archive.restore.notEmpty", HttpStatus.CONFLICT, response);
		}
		if (jobs.running()) {
			return page("archive.busy", HttpStatus.CONFLICT, response);
		}
		Path upload = jobs.uploadFile();
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
		}
		ArchiveRun job = jobs.restore(upload);
		if (job == null) {
			Files.deleteIfExists(upload);
			return page("archive.busy", HttpStatus.CONFLICT, response);
		}
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return new ModelAndView("redirect:/archive/restores/" + job.id());
	}

	@GetMapping("/archive/restores/{id}")
	ModelAndView restoreStatus(@PathVariable String id, HttpServletResponse response) {
		ArchiveRun job = jobs.current();
		if (job == null || job.kind() != ArchiveRun.Kind.RESTORE
				|| !java.security.MessageDigest.isEqual(job.id().getBytes(), id.getBytes())) {
			return PageModel.of("archive/restore", new RestorePage(null), HttpStatus.NOT_FOUND);
		}
		if (job.state() == ArchiveRun.State.RUNNING) {
			response.setHeader("Refresh", "2");
		}
		return PageModel.of("archive/restore", new RestorePage(job));
	}

	private String base() {
		return !baseUrl.isEmpty() ? baseUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
