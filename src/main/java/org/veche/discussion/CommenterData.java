package org.veche.discussion;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.discussion.internal.CommentErasure;
import org.veche.privacy.ErasurePolicy;
import org.veche.privacy.Person;
import org.veche.privacy.PersonalData;

/**
 * What the discussion keeps about a person: their comments (matched by account or by the
 * proven e-mail) and their likes (an account's; a guest's likes are tied to a random
 * browser cookie, not to any address).
 */
@Component
@Order(10)
class CommenterData implements PersonalData {

	private final CommentErasure rows;

	private final ApplicationEventPublisher events;

	CommenterData(CommentErasure rows, ApplicationEventPublisher events) {
		this.rows = rows;
		this.events = events;
	}

	@Override
	public String section() {
		return "discussion";
	}

	@Override
	public Object export(Person person) {
		var section = new LinkedHashMap<String, Object>();
		section.put("comments", rows.export(person.accountId(), person.email()));
		section.put("likes", rows.likes(readers(person)));
		return section;
	}

	@Override
	public Map<String, Integer> erase(Person person, ErasurePolicy policy) {
		var done = new LinkedHashMap<String, Integer>();
		var articles = new HashSet<Long>();
		List<Long> liked = rows.deleteLikes(readers(person));
		articles.addAll(rows.articlesOf(liked));
		List<CommentErasure.Row> mine = rows.rows(person.accountId(), person.email());
		mine.forEach(r -> articles.add(r.articleId()));
		if (policy == ErasurePolicy.ANONYMISE) {
			done.put("comments.anonymised", rows.anonymise(mine.stream().map(CommentErasure.Row::id).toList()));
		}
		else {
			done.put("comments.emptied", rows
				.empty(mine.stream().filter(CommentErasure.Row::answered).map(CommentErasure.Row::id).toList()));
			done.put("comments.deleted",
					rows.delete(mine.stream().filter(r -> !r.answered()).map(CommentErasure.Row::id).toList()));
		}
		done.put("likes.deleted", liked.size());
		if (!articles.isEmpty()) {
			events.publishEvent(new CommentsErased(Set.copyOf(articles)));
		}
		return done;
	}

	@Override
	public int forgetAddressesBefore(Instant cutoff) {
		return rows.forgetAddressesBefore(cutoff);
	}

	private static Set<String> readers(Person person) {
		return person.accountId() == null ? Set.of() : Set.of("account:" + person.accountId());
	}

}
