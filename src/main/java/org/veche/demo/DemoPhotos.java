package org.veche.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Photos drawn by the project itself (a river town at dawn, a market, a square,
 * lanterns), so that the demo needs no file from anyone else and shows no real person.
 */
final class DemoPhotos {

	static final int WIDTH = 1800;

	static final int HEIGHT = 1200;

	private DemoPhotos() {
	}

	static byte[] draw(int scene) {
		var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		var random = new Random(scene * 7919L);
		Color[][] skies = { { new Color(0x1d3557), new Color(0xf4a261) }, { new Color(0x8ecae6), new Color(0xfefae0) },
				{ new Color(0x264653), new Color(0xe9c46a) }, { new Color(0x0b132b), new Color(0x5bc0be) } };
		Color[] sky = skies[scene % skies.length];
		g.setPaint(new GradientPaint(0, 0, sky[0], 0, HEIGHT * 0.7f, sky[1]));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		if (scene % 2 == 0) {
			g.setColor(new Color(255, 236, 179, 220));
			g.fill(new Ellipse2D.Double(WIDTH * 0.68, HEIGHT * 0.18, 220, 220));
		}
		drawSkyline(g, random, HEIGHT * 0.62, new Color(0x22223b), 26);
		drawSkyline(g, random, HEIGHT * 0.7, new Color(0x4a4e69), 18);
		g.setPaint(new GradientPaint(0, HEIGHT * 0.7f, new Color(0x2a6f97), 0, HEIGHT, new Color(0x013a63)));
		g.fillRect(0, (int) (HEIGHT * 0.7), WIDTH, HEIGHT);
		g.setStroke(new BasicStroke(3f));
		for (int i = 0; i < 90; i++) {
			int y = (int) (HEIGHT * 0.72 + random.nextDouble() * HEIGHT * 0.28);
			int x = random.nextInt(WIDTH);
			g.setColor(new Color(255, 255, 255, 30 + random.nextInt(60)));
			g.drawLine(x, y, x + 40 + random.nextInt(120), y);
		}
		if (scene == 3) {
			for (int i = 0; i < 24; i++) {
				int x = 80 + i * 72;
				int y = 300 + (int) (Math.sin(i / 2.0) * 60);
				g.setColor(new Color(255, 200 - i * 3, 80, 230));
				g.fill(new Ellipse2D.Double(x, y, 34, 46));
			}
		}
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void drawSkyline(Graphics2D g, Random random, double base, Color color, int buildings) {
		var path = new Path2D.Double();
		path.moveTo(0, HEIGHT);
		double x = 0;
		double step = (double) WIDTH / buildings;
		for (int i = 0; i < buildings; i++) {
			double top = base - 60 - random.nextDouble() * 260;
			path.lineTo(x, top);
			if (random.nextInt(4) == 0) {
				path.lineTo(x + step / 2, top - 80); // a church dome or a gable
			}
			path.lineTo(x + step, top);
			x += step;
		}
		path.lineTo(WIDTH, HEIGHT);
		path.closePath();
		g.setColor(color);
		g.fill(path);
	}

}
