package org.veche.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A photo as served: its variants are JPEG files of the listed widths (and WebP ones
 * where the site could write them), re-encoded from the upload.
 *
 * @param articleId the photo story (or article) it belongs to
 * @param position its place in the gallery, from 0
 * @param webp whether each width also exists as WebP
 * @param blurredRegions how many regions an editor has blurred (0: none)
 */
public record Photo(long id, long articleId, int position, String caption, String credit, String alt, int width,
		int height, String storageKey, List<Integer> widths, boolean webp, int blurredRegions) {

	/**
	 * The credit as it goes after "Photo:" on the page: credits typed or imported as
	 * "Photo: Name" (or "Фото: …", "Photograph by …") lose their own label, so the page
	 * never says "Photo: Photo: Name".
	 */
	public String creditName() {
		return CREDIT_LABEL.matcher(credit == null ? "" : credit.strip()).replaceFirst("").strip();
	}

	private static final java.util.regex.Pattern CREDIT_LABEL = java.util.regex.Pattern
		.compile("^(?iu)(?:(?:photos?|photograph(?:s|y)?|pictures?|image|фото(?:графия|графія|графии|графії)?|світлина"
				+ "|снимок|знімок)(?:\\s*[:—–-]\\s*|\\s+by\\s+))+");

	public String src(int width) {
		return "/media/" + storageKey + "/" + width + ".jpg";
	}

	public String webpSrcset() {
		return widths.stream()
			.map(w -> "/media/" + storageKey + "/" + w + ".webp " + w + "w")
			.collect(Collectors.joining(", "));
	}

	/** The variant a browser without srcset support gets. */
	public String src() {
		return src(widths.get(Math.min(1, widths.size() - 1)));
	}

	public String srcset() {
		return widths.stream().map(w -> src(w) + " " + w + "w").collect(Collectors.joining(", "));
	}

	/** Height of the variant at this width, for layout without a jump. */
	public int heightAt(int w) {
		return Math.max(1, Math.round((float) height * w / width));
	}

	public int largestWidth() {
		return widths.get(widths.size() - 1);
	}

}
