package org.veche.moderation.filter;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * The site's spam and abuse classifiers. Scoring reads the model in memory; every
 * decision taught is stored as a labelled example and learned at once, so it counts for
 * the next comment without a restart. The models are saved to the database a minute after
 * they change (and at shutdown); on start, the saved model learns the examples stored
 * after it was saved, so no decision is lost between two saves.
 */
@Service
public class LearningFilter {

	private static final Logger log = LoggerFactory.getLogger(LearningFilter.class);

	/** How many reasons a verdict names. */
	static final int REASONS = 5;

	private final FilterStore store;

	private final long minExamples;

	private final Map<FilterTask, Classifier> classifiers = new EnumMap<>(FilterTask.class);

	/** One task's model, its lock, and how far it has got through the stored examples. */
	private static final class Classifier {

		final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

		LinearModel model;

		long lastExample;

		boolean unsaved;

		Classifier(LinearModel model, long lastExample) {
			this.model = model;
			this.lastExample = lastExample;
		}

	}

	LearningFilter(FilterStore store, @Value("${veche.moderation.filter.min-examples:100}") long minExamples) {
		this.store = store;
		this.minExamples = minExamples;
	}

	/**
	 * The probability that the comment is bad for the task, with the words that weighed
	 * most. A classifier that has learned fewer than
	 * {@code veche.moderation.filter.min-examples} examples has no opinion yet: it
	 * answers 0 with no reasons, and only the rules apply.
	 */
	public FilterScore score(FilterTask task, FilterInput input) {
		return score(task, Features.of(input));
	}

	/**
	 * {@link #score} for every task, the comment's features taken once for all of them.
	 */
	public Map<FilterTask, FilterScore> scores(FilterInput input) {
		var scores = new EnumMap<FilterTask, FilterScore>(FilterTask.class);
		FeatureVector vector = null;
		for (FilterTask task : FilterTask.values()) {
			if (!ready(task)) {
				// no opinion yet (a new site): the features are not even taken
				scores.put(task, new FilterScore(0, List.of()));
				continue;
			}
			if (vector == null) {
				vector = Features.of(input);
			}
			scores.put(task, score(task, vector));
		}
		return scores;
	}

	private boolean ready(FilterTask task) {
		var c = classifier(task);
		c.lock.readLock().lock();
		try {
			return c.model.examples() >= minExamples;
		}
		finally {
			c.lock.readLock().unlock();
		}
	}

	private FilterScore score(FilterTask task, FeatureVector vector) {
		var c = classifier(task);
		c.lock.readLock().lock();
		try {
			if (c.model.examples() < minExamples) {
				return new FilterScore(0, List.of());
			}
			return c.model.score(vector, REASONS);
		}
		finally {
			c.lock.readLock().unlock();
		}
	}

	/**
	 * Teaches the classifier one decision: stores it as a labelled example and learns it.
	 * Call it after the decision is committed, so a rolled-back decision teaches nothing.
	 */
	public void learn(FilterTask task, FilterInput input, boolean bad) {
		var vector = Features.of(input);
		var c = classifier(task);
		c.lock.writeLock().lock();
		try {
			long id = store.addExample(task, input, bad);
			c.model.learnOne(vector, bad);
			c.lastExample = id;
			c.unsaved = true;
		}
		finally {
			c.lock.writeLock().unlock();
		}
	}

	/**
	 * Replaces the classifier with one trained from a labelled CSV file together with the
	 * decisions already stored, and saves it. A bad file is a
	 * {@link org.veche.site.RejectedInput} naming the line, and the classifier stays as
	 * it was.
	 */
	public TrainingReport train(FilterTask task, Reader csv) {
		List<Example> file = LabelledCsv.read(csv);
		var c = classifier(task);
		long upTo = store.lastExampleId(task);
		var vectors = new ArrayList<FeatureVector>(file.size());
		var labels = new ArrayList<Boolean>(file.size());
		for (Example e : file) {
			vectors.add(Features.of(e.input()));
			labels.add(e.bad());
		}
		store.examples(task, 0, upTo, (id, e) -> {
			vectors.add(Features.of(e.input()));
			labels.add(e.bad());
		});
		// trained without the lock, so comments are scored meanwhile; decisions taught
		// meanwhile follow below
		LinearModel trained = Training.train(vectors, labels, 1);
		c.lock.writeLock().lock();
		try {
			long last = catchUp(task, trained, upTo);
			c.model = trained;
			c.lastExample = last;
			store.saveModel(task, trained.toBytes(), last, trained.examples());
			c.unsaved = false;
		}
		finally {
			c.lock.writeLock().unlock();
		}
		long bad = file.stream().filter(Example::bad).count();
		log.info("{} filter trained from a file of {} examples ({} bad)", task, file.size(), bad);
		return new TrainingReport(task, file.size(), (int) bad, trained.examples());
	}

	/**
	 * Forgets everything the classifier learned, file and decisions alike: it starts cold
	 * again.
	 */
	public void reset(FilterTask task) {
		var c = classifier(task);
		c.lock.writeLock().lock();
		try {
			store.forget(task);
			c.model = new LinearModel(Features.BITS);
			c.lastExample = 0;
			c.unsaved = false;
		}
		finally {
			c.lock.writeLock().unlock();
		}
		log.info("{} filter reset: its examples and model were deleted", task);
	}

	/** How many examples the task's classifier has learned (from files and decisions). */
	public long examples(FilterTask task) {
		var c = classifier(task);
		c.lock.readLock().lock();
		try {
			return c.model.examples();
		}
		finally {
			c.lock.readLock().unlock();
		}
	}

	/** Saves the models that learned something since they were last saved. */
	@Scheduled(fixedDelayString = "${veche.moderation.filter.save-interval:60s}")
	@PreDestroy
	void saveChanged() {
		for (FilterTask task : FilterTask.values()) {
			Classifier c;
			synchronized (classifiers) {
				c = classifiers.get(task);
			}
			if (c == null) {
				continue;
			}
			c.lock.readLock().lock();
			try {
				if (c.unsaved) {
					store.saveModel(task, c.model.toBytes(), c.lastExample, c.model.examples());
					c.unsaved = false;
				}
			}
			finally {
				c.lock.readLock().unlock();
			}
		}
	}

	/** Forgets the models in memory; the next use loads them as a fresh start would. */
	void reload() {
		synchronized (classifiers) {
			classifiers.clear();
		}
	}

	private Classifier classifier(FilterTask task) {
		synchronized (classifiers) {
			return classifiers.computeIfAbsent(task, this::load);
		}
	}

	private Classifier load(FilterTask task) {
		var saved = store.model(task);
		LinearModel model = null;
		long last = 0;
		if (saved.isPresent()) {
			try {
				model = LinearModel.fromBytes(saved.get().bytes(), Features.BITS);
				last = saved.get().lastExample();
			}
			catch (IllegalArgumentException ex) {
				// an older model (another feature set or format) is no use to this
				// version: it is ignored, and the moderators' stored decisions teach a
				// new one; a training file has to be uploaded again
				log.warn("The saved {} filter model cannot be read ({}); it is rebuilt from the stored decisions", task,
						ex.getMessage());
			}
		}
		if (model == null) {
			model = new LinearModel(Features.BITS);
		}
		long upTo = store.lastExampleId(task);
		long caught = catchUp(task, model, last);
		var c = new Classifier(model, Math.max(caught, last));
		c.unsaved = upTo > last;
		return c;
	}

	/**
	 * Learns the stored examples after {@code after}, in order; returns the id of the
	 * last one.
	 */
	private long catchUp(FilterTask task, LinearModel model, long after) {
		long[] last = { after };
		store.examples(task, after, Long.MAX_VALUE, (id, e) -> {
			model.learnOne(Features.of(e.input()), e.bad());
			last[0] = id;
		});
		return last[0];
	}

}
