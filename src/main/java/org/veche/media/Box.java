package org.veche.media;

/**
 * A rectangle on a photo, in the photo's own pixels (the upright original's size), to be
 * blurred.
 */
public record Box(int x, int y, int width, int height) {

	/** The part of the box that lies on an image of this size. */
	public Box within(int imageWidth, int imageHeight) {
		int left = Math.clamp(x, 0, imageWidth);
		int top = Math.clamp(y, 0, imageHeight);
		int right = Math.clamp((long) x + width, left, imageWidth);
		int bottom = Math.clamp((long) y + height, top, imageHeight);
		return new Box(left, top, right - left, bottom - top);
	}

	/**
	 * The same region on a copy of the photo scaled by this factor; rounded outwards, so
	 * no edge is missed.
	 */
	public Box scaled(double factor) {
		int left = (int) Math.floor(x * factor);
		int top = (int) Math.floor(y * factor);
		int right = (int) Math.ceil((x + (double) width) * factor);
		int bottom = (int) Math.ceil((y + (double) height) * factor);
		return new Box(left, top, right - left, bottom - top);
	}

	@Override
	public String toString() {
		return x + "," + y + "," + width + "," + height;
	}

}
