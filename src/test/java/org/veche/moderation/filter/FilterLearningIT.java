package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.support.IntegrationTest;

/**
 * Learning from moderators' decisions: at once, stored in the database, and still there
 * after a restart.
 */
class FilterLearningIT extends IntegrationTest {

	@Autowired
	LearningFilter filter;

	@Autowired
	FilterStore store;

	@BeforeEach
	@AfterEach
	void leaveTheFilterCold() {
		// the context is shared, and other tests' decisions teach the filter too
		filter.reset(FilterTask.SPAM);
		filter.reset(FilterTask.ABUSE);
	}

	private static FilterInput comment(String text) {
		return new FilterInput(text, "Reader", "reader@mail.example", null, true, false);
	}

	@Test
	void aColdFilterHasNoOpinion() {
		var score = filter.score(FilterTask.ABUSE, comment("you are an idiot"));
		assertThat(score.probability()).isZero();
		assertThat(score.strongest()).isEmpty();
	}

	@Test
	void decisionsCountAtOnceAndSurviveARestart() {
		String word = "blorptastic" + unique();
		for (int i = 0; i < 50; i++) {
			filter.learn(FilterTask.ABUSE, comment("you " + word + " moron number " + i), true);
			filter.learn(FilterTask.ABUSE, comment("thank you for the report, number " + i), false);
		}
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(100);
		var abusive = filter.score(FilterTask.ABUSE, comment("what a " + word));
		assertThat(abusive.probability()).isGreaterThan(0.6);
		assertThat(abusive.strongest()).first().isEqualTo(word);
		assertThat(filter.score(FilterTask.SPAM, comment("what a " + word)).probability()).isZero();

		// saved, then two more decisions that only the examples table holds
		filter.saveChanged();
		filter.learn(FilterTask.ABUSE, comment("another " + word), true);
		filter.learn(FilterTask.ABUSE, comment("a kind word"), false);
		double before = filter.score(FilterTask.ABUSE, comment("what a " + word)).probability();

		filter.reload();
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(102);
		assertThat(filter.score(FilterTask.ABUSE, comment("what a " + word)).probability()).isEqualTo(before);
	}

	@Test
	void aTrainingFileIsJoinedByTheStoredDecisions() {
		String word = "spamzilla" + unique();
		for (int i = 0; i < 50; i++) {
			filter.learn(FilterTask.SPAM, comment("visit " + word + " today " + i), true);
			filter.learn(FilterTask.SPAM, comment("a fair point about the vote " + i), false);
		}
		var report = filter.train(FilterTask.SPAM, new StringReader("""
				text,label
				"great reporting, thanks",0
				"I was at the square too",0
				"buy cheap pills online",1
				"the court was full",0
				"""));
		assertThat(report.examples()).isEqualTo(4);
		assertThat(report.bad()).isEqualTo(1);
		assertThat(report.modelExamples()).isEqualTo(104);
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(104);

		filter.reload();
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(104);
		assertThat(filter.score(FilterTask.SPAM, comment(word + " now")).probability()).isGreaterThan(0.5);
	}

	@Test
	void aModelSavedByAnOlderVersionIsIgnoredAndRebuiltFromTheDecisions() throws Exception {
		String word = "grumbleface" + unique();
		for (int i = 0; i < 60; i++) {
			filter.learn(FilterTask.ABUSE, comment("you " + word + " number " + i), true);
			filter.learn(FilterTask.ABUSE, comment("thanks for the piece, number " + i), false);
		}
		filter.saveChanged();
		// the bytes issue 4's filter saved: format 1, the old feature set, weights that
		// mean nothing now
		var bytes = new java.io.ByteArrayOutputStream();
		try (var out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes))) {
			out.writeInt(0x56434846);
			out.writeInt(1);
			out.writeInt(Features.BITS);
			out.writeLong(5000);
			out.writeDouble(3.0);
			out.writeDouble(1.0);
			out.writeInt(0);
		}
		store.saveModel(FilterTask.ABUSE, bytes.toByteArray(), store.lastExampleId(FilterTask.ABUSE), 5000);

		filter.reload();
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(120);
		assertThat(filter.score(FilterTask.ABUSE, comment("what a " + word)).probability()).isGreaterThan(0.6);
		assertThat(filter.score(FilterTask.ABUSE, comment("thanks for the piece")).probability()).isLessThan(0.4);
		filter.saveChanged();
		assertThat(LinearModel.fromBytes(store.model(FilterTask.ABUSE).orElseThrow().bytes(), Features.BITS).examples())
			.isEqualTo(120);
	}

}
