package org.veche.moderation.filter;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The time to score one comment as {@link LearningFilter#score} does: tokenizing, features, the model's
 * probability and the strongest words. Run by bench/filter-score.sh (profile jmh), never by mvn verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoreBenchmark {

	@Param({ "short-en", "long-en", "ru-obfuscated" })
	public String comment;

	private LinearModel model;

	private FilterInput input;

	@Setup
	public void train() {
		var toy = LinearModelTests.TOY;
		model = Training.train(toy.stream().map(e -> Features.of(e.input())).toList(),
				toy.stream().map(Example::bad).toList(), 1);
		String text = switch (comment) {
			case "short-en" -> "Check out my channel http://example.com/win and subscribe!!!";
			case "long-en" -> ("The council met again tonight, and the reporters at the square said the police were calm. "
					+ "I was there too; thanks for covering the hearing so carefully. ").repeat(5);
			default -> "Ты п0лный ддддурак, к-у-п-и дешёвые т@блетки на сайте cheap-pills.ru прямо сейчас!!!";
		};
		input = new FilterInput(text, "Reader", "reader@mail.example", null, true, true);
	}

	@Benchmark
	public FilterScore score() {
		return model.score(Features.of(input), LearningFilter.REASONS);
	}

}
