package org.veche.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.veche.media.Box;

class FaceDetectorTests {

	@Test
	void findsEachDrawnFaceOnceAndNothingOnAnEmptyScene() {
		var image = scene();
		var g = image.createGraphics();
		drawFace(g, 300, 400);
		drawFace(g, 850, 350);
		g.dispose();

		List<Box> faces = FaceDetector.detect(image);

		assertThat(faces).as(faces.toString()).hasSize(2);
		for (int[] face : new int[][] { { 300, 400 }, { 850, 350 } }) {
			assertThat(faces).anySatisfy(b -> {
				assertThat(b.x()).isLessThan(face[0] - 48);
				assertThat(b.x() + b.width()).isGreaterThan(face[0] + 48);
				assertThat(b.y()).isLessThan(face[1] - 23);
				assertThat(b.y() + b.height()).isGreaterThan(face[1] + 76);
			});
		}
		assertThat(FaceDetector.detect(scene())).isEmpty();
	}

	@Test
	void theFaceModelShipsWithTheSite() {
		assertThat(FaceDetector.available()).isTrue();
	}

	private static BufferedImage scene() {
		var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(70, 110, 90));
		g.fillRect(0, 0, 1200, 800);
		g.setColor(new Color(200, 190, 120));
		g.fillRect(500, 600, 300, 120);
		g.dispose();
		return image;
	}

	/** The face FaceBlurIT draws: skin oval, hair, brows, eyes, nose, mouth. */
	static void drawFace(Graphics2D g, int cx, int cy) {
		g.setColor(new Color(215, 175, 150));
		g.fillOval(cx - 75, cy - 100, 150, 200);
		g.setColor(new Color(40, 30, 30));
		g.fillArc(cx - 80, cy - 120, 160, 80, 0, 180);
		g.fillRect(cx - 52, cy - 40, 40, 8);
		g.fillRect(cx + 12, cy - 40, 40, 8);
		g.setColor(new Color(50, 50, 60));
		g.fillOval(cx - 48, cy - 23, 32, 16);
		g.fillOval(cx + 16, cy - 23, 32, 16);
		g.setColor(new Color(170, 130, 110));
		g.setStroke(new BasicStroke(4));
		g.drawLine(cx, cy - 10, cx - 8, cy + 35);
		g.fillOval(cx - 14, cy + 34, 28, 12);
		g.setColor(new Color(150, 70, 70));
		g.fillOval(cx - 28, cy + 60, 56, 16);
	}

}
