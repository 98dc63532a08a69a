package org.veche.live.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.live.LiveBlog;
import org.veche.publishing.Article;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;

/**
 * The editor's live blog page for one article: switch the mode on and off, post updates,
 * withdraw one.
 */
@Controller
class LiveBlogEditorController {

	private final LiveBlog blog;

	LiveBlogEditorController(LiveBlog blog) {
		this.blog = blog;
	}

	@GetMapping("/editor/articles/{id}/live")
	ModelAndView page(@PathVariable long id, @RequestParam(required = false) String done,
			@AuthenticationPrincipal SignedIn by) {
		return page(blog.editable(id, by), "", done != null ? "live.editor.saved" : null, null, HttpStatus.OK);
	}

	@PostMapping("/editor/articles/{id}/live")
	ModelAndView mode(@PathVariable long id, @RequestParam(defaultValue = "") String action,
			@AuthenticationPrincipal SignedIn by) {
		if (action.equals("end")) {
			blog.end(id, by);
		}
		else {
			blog.start(id, by);
		}
		return new ModelAndView("redirect:/editor/articles/" + id + "/live?done");
	}

	@PostMapping("/editor/articles/{id}/live/updates")
	ModelAndView post(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal SignedIn by) {
		Article article = blog.editable(id, by);
		try {
			blog.post(id, text, by);
			return new ModelAndView("redirect:/editor/articles/" + id + "/live?done");
		}
		catch (RejectedInput rejected) {
			if (rejected.status() == HttpStatus.FORBIDDEN || rejected.status() == HttpStatus.NOT_FOUND) {
				throw rejected;
			}
			return page(article, text, null, rejected, HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping("/editor/articles/{id}/live/updates/{updateId}/remove")
	ModelAndView remove(@PathVariable long id, @PathVariable long updateId, @AuthenticationPrincipal SignedIn by) {
		blog.remove(id, updateId, by);
		return new ModelAndView("redirect:/editor/articles/" + id + "/live?done");
	}

	private ModelAndView page(Article article, String text, String notice, RejectedInput error, HttpStatus status) {
		var model = new LiveEditorPage(article, blog.view(article.id()), text, notice,
				error == null ? null : FormError.of(error));
		var page = new ModelAndView("live/editor", "model", model);
		page.setStatus(status);
		return page;
	}

}
