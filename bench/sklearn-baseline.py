#!/usr/bin/python3
"""The scikit-learn baseline the learning filter is measured against (issue 16).

Needs Debian's scikit-learn: `apt-get install -y python3-sklearn` (CI does not run this script; nothing in
the build needs Python).

What the baseline is, exactly (a fair, standard text classifier with scikit-learn's defaults):
  - features: TfidfVectorizer(analyzer="word", ngram_range=(1, 2)) and TfidfVectorizer(analyzer="char_wb",
    ngram_range=(2, 5)) side by side (FeatureUnion); every other setting is the default (lowercase, raw term
    counts, smoothed IDF, L2 norm, no stop words, no min_df);
  - model: LogisticRegression(C=1.0, solver="liblinear", class_weight=None), otherwise defaults;
  - input: the CSV's text column, with the author column in front of it when the file has one (the filter
    reads the author's name too, so both see the same columns);
  - folds: the same 5 stratified folds as `moderation evaluate` (seed 1): this script replays java.util.Random
    and Collections.shuffle, so each fold holds exactly the examples the Java command tests on;
  - figures: precision, recall and F1 of "bad" at probability >= 0.5, and ROC AUC, each the mean over the
    folds, printed in the same format as `moderation evaluate`.

Usage: bench/sklearn-baseline.py --data target/filter-data/abuse-en.csv [--folds 5] [--seed 1]
"""
import argparse
import csv
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.pipeline import FeatureUnion, make_pipeline


class JavaRandom:
    """java.util.Random: the same 48-bit linear congruential generator, so the folds match the Java ones."""

    MULTIPLIER = 0x5DEECE66D
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULTIPLIER) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULTIPLIER + 0xB) & self.MASK
        value = self.seed >> (48 - bits)
        return value - (1 << bits) if bits == 32 and value >= 1 << 31 else value

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            value = bits % bound
            if bits - value + (bound - 1) < 1 << 31:
                return value


def shuffle(items, random):
    """Collections.shuffle(list, random) on a random-access list."""
    for i in range(len(items), 1, -1):
        j = random.next_int(i)
        items[i - 1], items[j] = items[j], items[i - 1]


def stratified_folds(labels, folds, seed):
    """Evaluation.stratifiedFolds: bad and fine examples shuffled apart, then dealt round the folds."""
    bad = [i for i, y in enumerate(labels) if y]
    fine = [i for i, y in enumerate(labels) if not y]
    random = JavaRandom(seed)
    shuffle(bad, random)
    shuffle(fine, random)
    fold = [0] * len(labels)
    for k, i in enumerate(bad):
        fold[i] = k % folds
    for k, i in enumerate(fine):
        fold[i] = k % folds
    return fold


def read(path):
    texts, labels = [], []
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        columns = {name.lower(): name for name in rows.fieldnames or []}
        if "text" not in columns or "label" not in columns:
            sys.exit(f"{path}: needs the columns text and label")
        author = columns.get("author")
        for row in rows:
            text = row[columns["text"]] or ""
            if author and row.get(author):
                text = row[author] + " " + text
            texts.append(text)
            labels.append(row[columns["label"]].strip() == "1")
    return texts, labels


def baseline():
    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2))),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))),
    ])
    return make_pipeline(features, LogisticRegression(C=1.0, solver="liblinear", class_weight=None))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    texts, labels = read(args.data)
    fold = stratified_folds(labels, args.folds, args.seed)
    started = time.monotonic()
    sums = [0.0, 0.0, 0.0, 0.0]
    for f in range(args.folds):
        train = [i for i in range(len(texts)) if fold[i] != f]
        test = [i for i in range(len(texts)) if fold[i] == f]
        model = baseline().fit([texts[i] for i in train], [labels[i] for i in train])
        p = model.predict_proba([texts[i] for i in test])[:, 1]
        truth = [labels[i] for i in test]
        flagged = [q >= 0.5 for q in p]
        sums[0] += precision_score(truth, flagged, zero_division=0)
        sums[1] += recall_score(truth, flagged, zero_division=0)
        sums[2] += f1_score(truth, flagged, zero_division=0)
        sums[3] += roc_auc_score(truth, p)
    print(f"baseline: {args.folds}-fold stratified cross-validation on {len(texts)} examples "
          f"({sum(labels)} bad) of {args.data} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    m = [s / args.folds for s in sums]
    print(f"precision: {m[0]:.4f}\nrecall: {m[1]:.4f}\nf1: {m[2]:.4f}\nroc-auc: {m[3]:.4f}")


if __name__ == "__main__":
    main()
