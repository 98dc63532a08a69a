package org.veche.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A photo as served: its words and its stored image, re-encoded from the upload.
 *
 * @param articleId the photo story (or article) it belongs to
 * @param position its place in the gallery, from 0
 * @param blurredRegions how many regions an editor has blurred (0: none)
 */
public record Photo(long id, long articleId, int position, PhotoText text, Image image, int blurredRegions) {

	/**
	 * The files a photo is served from: JPEG variants of the listed widths (and WebP ones
	 * where the site could write them) under one storage key.
	 *
	 * @param width the width of the upload as re-encoded, with height giving its shape
	 * @param widths the variants' widths, smallest first
	 * @param webp whether each width also exists as WebP
	 */
	public record Image(int width, int height, String storageKey, List<Integer> widths, boolean webp) {

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

}
