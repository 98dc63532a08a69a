package org.veche.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.veche.media.Box;

/**
 * A Viola–Jones detector that evaluates one of OpenCV's Haar cascades (the XML format of
 * OpenCV 3 and later, upright features, stumps or small trees) as OpenCV's
 * {@code CascadeClassifier.detectMultiScale} does: the image is scaled down step by step,
 * a window of the cascade's size slides over it, each window is normalised by its
 * standard deviation and must pass every stage, and the hits are grouped by OpenCV's
 * {@code groupRectangles}. About two hundred lines instead of a 100 MB native library for
 * one job. Immutable once read, so any number of threads may detect at once.
 */
final class HaarCascade {

	private final int windowWidth;

	private final int windowHeight;

	private final Stage[] stages;

	/** Feature i's rectangles: x, y, width, height as ints, weights beside them. */
	private final int[][] rects;

	private final float[][] weights;

	private record Stage(float threshold, Weak[] weaks) {
	}

	/**
	 * A small tree: node k is (left[k], right[k], feature[k], threshold[k]); a child of
	 * zero or less is a leaf.
	 */
	private record Weak(int[] left, int[] right, int[] feature, float[] threshold, float[] leaves) {
	}

	private HaarCascade(int windowWidth, int windowHeight, Stage[] stages, int[][] rects, float[][] weights) {
		this.windowWidth = windowWidth;
		this.windowHeight = windowHeight;
		this.stages = stages;
		this.rects = rects;
		this.weights = weights;
	}

	/** Reads a cascade in OpenCV's XML format. */
	static HaarCascade read(InputStream in) throws IOException {
		try {
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			Deque<String> path = new ArrayDeque<>();
			var text = new StringBuilder();
			int width = 0;
			int height = 0;
			var stages = new ArrayList<Stage>();
			var weaks = new ArrayList<Weak>();
			float stageThreshold = 0;
			String nodes = null;
			var rects = new ArrayList<int[]>();
			var weights = new ArrayList<float[]>();
			var featureRects = new ArrayList<float[]>();
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						path.push(xml.getLocalName());
						text.setLength(0);
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
					case XMLStreamConstants.END_ELEMENT -> {
						String name = path.pop();
						String parent = path.peek();
						String value = text.toString().trim();
						text.setLength(0);
						if (path.size() == 2 && "cascade".equals(parent)) {
							if (name.equals("width")) {
								width = Integer.parseInt(value);
							}
							else if (name.equals("height")) {
								height = Integer.parseInt(value);
							}
						}
						else if (name.equals("stageThreshold")) {
							stageThreshold = Float.parseFloat(value);
						}
						else if (name.equals("internalNodes")) {
							nodes = value;
						}
						else if (name.equals("leafValues")) {
							weaks.add(weak(nodes, value));
						}
						else if (name.equals("_") && "stages".equals(parent)) {
							stages.add(new Stage(stageThreshold, weaks.toArray(Weak[]::new)));
							weaks.clear();
						}
						else if (name.equals("_") && "rects".equals(parent)) {
							featureRects.add(numbers(value));
						}
						else if (name.equals("tilted") && !value.equals("0")) {
							throw new IOException("tilted Haar features are not supported");
						}
						else if (name.equals("_") && "features".equals(parent)) {
							int[] r = new int[featureRects.size() * 4];
							float[] w = new float[featureRects.size()];
							for (int i = 0; i < featureRects.size(); i++) {
								float[] f = featureRects.get(i);
								for (int k = 0; k < 4; k++) {
									r[i * 4 + k] = (int) f[k];
								}
								w[i] = f[4];
							}
							rects.add(r);
							weights.add(w);
							featureRects.clear();
						}
					}
					default -> {
					}
				}
			}
			if (width == 0 || height == 0 || stages.isEmpty() || rects.isEmpty()) {
				throw new IOException("not an OpenCV Haar cascade");
			}
			return new HaarCascade(width, height, stages.toArray(Stage[]::new), rects.toArray(int[][]::new),
					weights.toArray(float[][]::new));
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new IOException("could not read the Haar cascade: " + ex.getMessage(), ex);
		}
	}

	private static Weak weak(String nodes, String leaves) {
		float[] n = numbers(nodes);
		int count = n.length / 4;
		var weak = new Weak(new int[count], new int[count], new int[count], new float[count], numbers(leaves));
		for (int k = 0; k < count; k++) {
			weak.left[k] = (int) n[k * 4];
			weak.right[k] = (int) n[k * 4 + 1];
			weak.feature[k] = (int) n[k * 4 + 2];
			weak.threshold[k] = n[k * 4 + 3];
		}
		return weak;
	}

	private static float[] numbers(String text) {
		String[] parts = text.trim().split("\\s+");
		float[] out = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			out[i] = Float.parseFloat(parts[i]);
		}
		return out;
	}

	/**
	 * Objects in an 8-bit grey image (row by row, already equalised), as OpenCV's
	 * {@code detectMultiScale(grey, found, scaleFactor, minNeighbors, 0, minSize, maxSize = image)}
	 * finds them.
	 */
	List<Box> detect(byte[] grey, int width, int height, double scaleFactor, int minNeighbors, int minSize) {
		var hits = new ArrayList<int[]>();
		for (double factor = 1;; factor *= scaleFactor) {
			int winW = (int) Math.round(windowWidth * factor);
			int winH = (int) Math.round(windowHeight * factor);
			if (winW > width || winH > height) {
				break;
			}
			if (winW < minSize || winH < minSize) {
				continue;
			}
			int w = (int) Math.round(width / factor);
			int h = (int) Math.round(height / factor);
			scan(resize(grey, width, height, w, h), w, h, factor, winW, winH, hits);
		}
		return group(hits, minNeighbors, 0.2);
	}

	private void scan(byte[] image, int w, int h, double factor, int winW, int winH, List<int[]> hits) {
		int stride = w + 1;
		int[] sum = new int[stride * (h + 1)];
		int[] squares = new int[stride * (h + 1)];
		for (int y = 0; y < h; y++) {
			int rowSum = 0;
			int rowSquares = 0;
			for (int x = 0; x < w; x++) {
				int v = image[y * w + x] & 0xff;
				rowSum += v;
				rowSquares += v * v;
				sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rowSum;
				squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1] + rowSquares;
			}
		}
		int step = factor > 2 ? 1 : 2;
		int maxX = Math.max(w - windowWidth, 0);
		int maxY = Math.max(h - windowHeight, 0);
		// OpenCV normalises by the window less a one-pixel border
		int normArea = (windowWidth - 2) * (windowHeight - 2);
		for (int y = 0; y < maxY; y += step) {
			for (int x = 0; x < maxX; x += step) {
				if (x + windowWidth >= w || y + windowHeight >= h) {
					continue;
				}
				int base = y * stride + x;
				int normBase = base + stride + 1;
				int valSum = box(sum, normBase, stride, windowWidth - 2, windowHeight - 2);
				long valSquares = box(squares, normBase, stride, windowWidth - 2, windowHeight - 2) & 0xffffffffL;
				double nf = (double) normArea * valSquares - (double) valSum * valSum;
				if (nf <= 0) {
					continue;
				}
				nf = Math.sqrt(nf);
				if (normArea / nf >= 0.1) { // too flat to hold a face (OpenCV's own cut)
					continue;
				}
				int passed = passes(sum, base, stride, 1 / nf);
				if (passed == stages.length) {
					hits.add(new int[] { (int) Math.round(x * factor), (int) Math.round(y * factor), winW, winH });
				}
				else if (passed == 0) {
					x += step;
				}
			}
		}
	}

	/** How many stages the window passes, in order, until one rejects it. */
	private int passes(int[] sum, int base, int stride, double norm) {
		for (int s = 0; s < stages.length; s++) {
			Stage stage = stages[s];
			double total = 0;
			for (Weak weak : stage.weaks) {
				int idx = 0;
				do {
					double value = feature(weak.feature[idx], sum, base, stride) * norm;
					idx = value < weak.threshold[idx] ? weak.left[idx] : weak.right[idx];
				}
				while (idx > 0);
				total += weak.leaves[-idx];
			}
			if (total < stage.threshold) {
				return s;
			}
		}
		return stages.length;
	}

	private double feature(int index, int[] sum, int base, int stride) {
		int[] r = rects[index];
		float[] w = weights[index];
		double value = 0;
		for (int i = 0; i < w.length; i++) {
			value += w[i] * box(sum, base + r[i * 4 + 1] * stride + r[i * 4], stride, r[i * 4 + 2], r[i * 4 + 3]);
		}
		return value;
	}

	/**
	 * The sum of a w×h box whose top-left corner is at offset in the integral image (int
	 * overflow cancels out).
	 */
	private static int box(int[] integral, int offset, int stride, int w, int h) {
		return integral[offset] - integral[offset + w] - integral[offset + h * stride]
				+ integral[offset + h * stride + w];
	}

	/** Bilinear scaling with pixel centres aligned, as OpenCV's INTER_LINEAR. */
	private static byte[] resize(byte[] src, int width, int height, int w, int h) {
		if (w == width && h == height) {
			return src;
		}
		byte[] out = new byte[w * h];
		double sx = (double) width / w;
		double sy = (double) height / h;
		for (int y = 0; y < h; y++) {
			double fy = Math.max((y + 0.5) * sy - 0.5, 0);
			int y0 = Math.min((int) fy, height - 1);
			int y1 = Math.min(y0 + 1, height - 1);
			double dy = fy - y0;
			for (int x = 0; x < w; x++) {
				double fx = Math.max((x + 0.5) * sx - 0.5, 0);
				int x0 = Math.min((int) fx, width - 1);
				int x1 = Math.min(x0 + 1, width - 1);
				double dx = fx - x0;
				double top = (src[y0 * width + x0] & 0xff) * (1 - dx) + (src[y0 * width + x1] & 0xff) * dx;
				double bottom = (src[y1 * width + x0] & 0xff) * (1 - dx) + (src[y1 * width + x1] & 0xff) * dx;
				out[y * w + x] = (byte) Math.round(top * (1 - dy) + bottom * dy);
			}
		}
		return out;
	}

	/**
	 * OpenCV's groupRectangles: clusters of alike boxes, averaged; small clusters and
	 * boxes inside others dropped.
	 */
	static List<Box> group(List<int[]> hits, int minNeighbors, double eps) {
		int n = hits.size();
		int[] parent = new int[n];
		Arrays.setAll(parent, i -> i);
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				if (alike(hits.get(i), hits.get(j), eps)) {
					parent[root(parent, i)] = root(parent, j);
				}
			}
		}
		int[] label = new int[n];
		Arrays.fill(label, -1);
		var sums = new ArrayList<long[]>();
		for (int i = 0; i < n; i++) {
			int r = root(parent, i);
			if (label[r] < 0) {
				label[r] = sums.size();
				sums.add(new long[5]);
			}
			long[] s = sums.get(label[r]);
			int[] hit = hits.get(i);
			for (int k = 0; k < 4; k++) {
				s[k] += hit[k];
			}
			s[4]++;
		}
		var averaged = new int[sums.size()][];
		for (int c = 0; c < sums.size(); c++) {
			long[] s = sums.get(c);
			double count = s[4];
			averaged[c] = new int[] { (int) Math.round(s[0] / count), (int) Math.round(s[1] / count),
					(int) Math.round(s[2] / count), (int) Math.round(s[3] / count), (int) s[4] };
		}
		var found = new ArrayList<Box>();
		for (int i = 0; i < averaged.length; i++) {
			int[] r1 = averaged[i];
			if (r1[4] <= minNeighbors) {
				continue;
			}
			boolean inside = false;
			for (int j = 0; j < averaged.length && !inside; j++) {
				int[] r2 = averaged[j];
				if (j == i || r2[4] <= minNeighbors) {
					continue;
				}
				int dx = (int) Math.round(r2[2] * eps);
				int dy = (int) Math.round(r2[3] * eps);
				inside = r1[0] >= r2[0] - dx && r1[1] >= r2[1] - dy && r1[0] + r1[2] <= r2[0] + r2[2] + dx
						&& r1[1] + r1[3] <= r2[1] + r2[3] + dy && (r2[4] > Math.max(3, r1[4]) || r1[4] < 3);
			}
			if (!inside) {
				found.add(new Box(r1[0], r1[1], r1[2], r1[3]));
			}
		}
		return found;
	}

	private static boolean alike(int[] a, int[] b, double eps) {
		double delta = eps * (Math.min(a[2], b[2]) + Math.min(a[3], b[3])) * 0.5;
		return Math.abs(a[0] - b[0]) <= delta && Math.abs(a[1] - b[1]) <= delta
				&& Math.abs(a[0] + a[2] - b[0] - b[2]) <= delta && Math.abs(a[1] + a[3] - b[1] - b[3]) <= delta;
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

}
