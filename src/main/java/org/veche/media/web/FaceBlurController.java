package org.veche.media.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.media.Box;
import org.veche.media.FaceBlur;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.EditorsDesk;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;

/**
 * The editor's blur page for one photo: boxes as numbers (one "x, y, width, height" a
 * line, in the photo's pixels), proposed by face detection or drawn with the script, then
 * burnt into every variant.
 */
@Controller
class FaceBlurController {

	private final PhotoLibrary library;

	private final FaceBlur blur;

	private final EditorsDesk desk;

	FaceBlurController(PhotoLibrary library, FaceBlur blur, EditorsDesk desk) {
		this.library = library;
		this.blur = blur;
		this.desk = desk;
	}

	@GetMapping("/editor/photos/{id}/blur")
	ModelAndView page(@PathVariable long id, @AuthenticationPrincipal SignedIn by) {
		return page(editable(id, by), "", null, null, HttpStatus.OK);
	}

	@PostMapping("/editor/photos/{id}/blur")
	ModelAndView act(@PathVariable long id, @RequestParam(defaultValue = "blur") String action,
			@RequestParam(defaultValue = "") String boxes, @AuthenticationPrincipal SignedIn by) {
		Photo photo = editable(id, by);
		try {
			if (action.equals("detect")) {
				List<Box> found = blur.findFaces(id);
				String typed = boxes.isBlank() ? "" : boxes.strip() + "\n";
				String lines = found.stream().map(Box::toString).collect(Collectors.joining("\n"));
				return page(photo, typed + lines, null, found.isEmpty() ? "blur.noneFound" : "blur.found",
						HttpStatus.OK);
			}
			Photo blurred = blur.blur(id, parse(boxes));
			return page(blurred, "", null, "blur.applied", HttpStatus.OK);
		}
		catch (RejectedInput rejected) {
			return page(photo, boxes, rejected, null, rejected.status());
		}
	}

	/** One box a line: four whole numbers separated by commas or spaces. */
	static List<Box> parse(String text) {
		var boxes = new ArrayList<Box>();
		for (String line : text.split("\\R")) {
			String clean = line.strip();
			if (clean.isEmpty()) {
				continue;
			}
			String[] parts = clean.split("[,;\\s]+");
			if (parts.length != 4 || boxes.size() >= FaceBlur.MAX_BOXES) {
				throw new RejectedInput(boxes.size() >= FaceBlur.MAX_BOXES ? "photo.blur.tooMany" : "photo.blur.format",
						boxes.size() >= FaceBlur.MAX_BOXES ? FaceBlur.MAX_BOXES : clean);
			}
			try {
				boxes.add(new Box(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
						Integer.parseInt(parts[3])));
			}
			catch (NumberFormatException ex) {
				throw new RejectedInput("photo.blur.format", clean);
			}
		}
		return boxes;
	}

	private Photo editable(long id, SignedIn by) {
		Photo photo = library.photo(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "photo.notFound"));
		desk.editable(photo.articleId(), by);
		return photo;
	}

	private ModelAndView page(Photo photo, String boxes, RejectedInput error, String notice, HttpStatus status) {
		var model = new BlurPage(photo, boxes, blur.detectionAvailable(), error == null ? null : FormError.of(error),
				notice);
		return new ModelAndView("media/blur", Map.of("model", model), status);
	}

}
