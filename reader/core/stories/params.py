"""Every weight and threshold of story clustering, in one place, each with how it was chosen.

"Dev set" below is `../shared/stories-dev` (64 articles, 11 events, 16 hard negatives) plus
the extra labelled cases in `tests/fixtures/stories/` (events built from the seeds, the article
dev set and hand-written pieces); `make eval` prints the figures and the sweep of the main
threshold. Values were chosen in the middle of the range where the scores stay flat, not at
the single best point, so that other events and other corpora move them less.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryParams:
    """Tunable parameters of story clustering (config `stories:` may override the main ones)."""

    link_threshold: float = 0.58
    """Average-link probability (mean `similarity` over every pair across two groups,
    pairs never scored counting 0) at which two groups are one story. Chosen by
    scripts/fit_story_weights.py with the weights: the threshold whose worst labelled set
    stays furthest above the bar (B-cubed F1 0.90; pairwise precision 0.95 where a set has
    ten pairs or more), the middle of the run of ties."""

    pair_weights: tuple[float, ...] = (
        -0.727,
        7.279,
        0.942,
        -1.498,
        -2.447,
        -4.593,
        -5.029,
        -2.532,
        -2.757,
        -1.887,
        -2.198,
        0.354,
        1.579,
        1.713,
        -1.413,
    )
    """Logistic-regression weights over `similarity.PAIR_FEATURES`, intercept first: a pair's
    probability of being one event is 1 / (1 + e^-(w0 + w . features)). Fitted, not set by
    hand, by scripts/fit_story_weights.py (L2 penalty 1, Newton's method) on every candidate
    pair of every labelled set (stories-dev, events2-9, handmade, articles-dev, seeds:
    1,536 pairs, 446 of one event; near copies, ambiguous pairs and pairs sharing no word or
    anchor, which score 0 by rule, left out), each set clustered
    as a corpus of its own. Judged leave-one-set-out (fitted on all sets but one, the one
    scored through the clustering), which is the estimate of the next blind set; README has
    every set's held-out score. Refit after adding a labelled set: `python
    scripts/fit_story_weights.py --write`. In words: cosine counts most; a version in
    another script or language is judged on the anchors it shares with the other (numbers,
    Latin-script names, and the English names of its places and figures: anchors.py), on
    how many of them are among the other's strongest terms, and starts from a higher base
    (two languages' versions that share anchors within the date window are mostly one
    event); two days apart, three, more, or an unknown date each cost more; one outlet's
    two pieces that are not near copies, a preview against its event and a follow-up dated
    after the other ("a day after the signing") each count against; so does a day apart
    (follow-ups outnumber next-day accounts of one event).

    The last weight, `near_figures` (+1.713: figures of two pieces dated the same day that
    disagree by a few per cent, 11,500 and 12,000 acres), was added after the others and
    fitted with every other weight and the threshold held (`scripts/fit_story_weights.py
    --only=near_figures --test=events15-own,events15-own2`, those two sets never fitted
    on). Every set scores the same from 1.2 to 2.5: stories-dev 0.954 -> 0.960, nothing
    else moves (at 0.8 nothing moves at all). Applied to pairs of any day gap (exact or
    near figures of every gap was tried too) it joined hard negatives days apart that
    restate a figure (events5 and events9 precision 1.000 / 0.982 -> 0.928 / 0.949).
    `other_counterparts` (-1.413: two pieces of one day whose leads name one leader alike
    and each someone the other never mentions) was fitted the same way
    (`--only=other_counterparts`) on every set: it fires on only 5 candidate pairs, 4 of
    them in events15-own and events15-own2, so the dev sets alone fit -0.2 and move
    nothing. Each of those two sets held out (fitted on the other): events15-own
    precision 0.818 -> 0.857 at -0.94, events15-own2 0.462 -> 0.667 at -0.88; every other
    set scores as before, with the BBC background and on the article sets too. With the
    background events15-own2 stays at 0.462: its two other meetings join the memorandum
    through versions that name no counterpart of their own (Agencia Brasil, Reuters)."""

    near_copy_containment: float = 0.5
    """Share of the shorter text's 5-word shingles found in the other text for a near copy
    (reprint, trimmed copy, numbered update). Near copies on the dev set are at 0.62-1.0,
    independent versions of one event at most 0.03: anything from 0.2 to 0.6 splits them."""

    near_copy_days: int = 7
    """Near copies more than a week apart are a re-run of an old story, not one event."""

    min_anchors: int = 2
    """Telling anchors (Latin-script words, numbers of three characters or more: 136, 0.75,
    1942) a cross-script pair must share before its anchors count: one shared figure is
    chance; days of the month and small counts are in most articles of a week. The pair
    must also be dated (shared numbers without matching dates are too thin)."""

    other_script_days: bool = True
    """Two versions in two scripts that are not Latin (a Korean and a Russian one) are
    compared on their anchors, as a version in English and one in another script are,
    when they are of one day and share `min_anchors` rare anchors
    (`similarity._other_scripts`); False compares their words only, as before. Chosen on
    events16 (B-cubed F1 0.920 -> 0.975: the Japanese version of a summit shares Astana,
    Kazakhstan and Korea with the Korean and Russian ones and joins all four) and the
    article sets: a day apart allowed, a Korean and a Russian piece of consecutive days
    sharing Beijing and Vladimir formed two wrong pairs (articles-blind5b); requiring a
    third rare anchor instead of the same day left events16 where it was."""

    anchor_idf: float = 2.0
    """How rare in the corpus (idf) an anchor two versions in different languages share
    must be to count towards `min_anchors`: "china", "korea" and "putin" in a corpus
    about them are not. Measured over every candidate pair of two languages scoring 0.3
    or more in the labelled story sets and the article sets (where no two files are one
    event): at 2.0, 83 of 89 pairs of one event share two or more such anchors, and 47 of
    218 pairs of different events do (at 1.5: 84 and 154; at 2.4: 69 and 24)."""

    anchor_share: float = 0.3
    """...and in at most this share of the corpus's articles besides the two sharing it: in
    a small corpus the general
    English background makes every name rare by idf, even Qatar in five articles of seven.
    On the same pairs, 0.3 keeps 83 of the 84 pairs of one event that `anchor_idf` keeps
    and drops 15 of the 47 of different events (0.2: 77 and 27)."""

    theme_share: float = 0.3
    """A term held by more than this share of the corpus's articles (besides two) is its
    theme: "wang", "yi", "xi", "china" in an analyst's corpus of pieces naming Wang Yi on
    the same days. The same share as `anchor_share` (one notion of the theme for both
    rules); see `min_event_cosine`."""

    theme_min_docs: int = 15
    """A corpus smaller than this has no theme: the five seeds are all about Kim's trip,
    and "kim", "china" and "parade" in four of them are the event's words (AP's piece and
    the aggregator's lost their link). The article sets hold 16 to 41 articles."""

    min_event_cosine: float = 0.18
    """Two articles in one language that share terms of the theme (`theme_share`) are
    compared on their words only when the cosine left without those is at least this:
    the same people and countries on the same day are not one event, which needs its own
    places, figures, organisations and rare words. Measured over every candidate pair of
    two English articles in the labelled story sets and the article sets (where no two
    files are one event): 60 pairs of one event share theme terms, the least left without
    them 0.20 (then 0.25); of 135 pairs of different events in the article sets and
    articles-dev, 0.12 cuts 92, 0.18 cuts 108, 0.24 cuts 117 (and one of one event).
    Every story set scores the same from 0.12 to 0.24 (scripts/eval_stories.py, alone
    and beside the BBC articles); pairs formed among the article sets 42 before, 28 at
    0.15, 23 at 0.18, 17 at 0.24: 0.18 is the middle of that range. With share 0.25
    the floor must stay at 0.15 or below (at 0.18 stories-dev loses a pair)."""

    kind_anchors: int = 4
    """Telling anchors rare in the corpus (as `min_anchors` counts them) two versions in
    different languages must share, with the kind of event their headlines name
    (kinds.py), to be compared when one has no date (`similarity.undated_gap`); 0 turns
    the rule off. Chosen on the labelled sets' undated pairs of two languages (below)."""

    kind_anchor_gap: int = 0
    """The day gap such a pair is scored at: a day apart (the fitted weight of a day's
    distance, -1.5, not the -2.5 of an unknown date), since the kind and the anchors
    agree but no date does."""

    weekday_cosine: float = 0.22
    """An undated piece whose lead names one weekday, that of a dated piece's day (or of
    the day before it, when that piece is a next-day account), counts as of that piece's
    day (no day apart) when the two are in one language and their cosine is at least
    this: a weekday recurs every week, so it may only confirm what the words already say.
    Over every candidate pair so matched in the labelled story sets and the article sets
    (scripts/eval_stories.py's sets), the 150-odd pairs of different events score at most
    0.146 up to the first pair of one event (0.221), then 0.22-0.25 four of each. Beside
    the 928 undated BBC articles 0.16 let BBC tennis pieces naming a Sunday join the US
    Open final (cosine 0.186); every story set scores the same from 0.20 to 0.24 alone and
    beside the BBC articles, and no BBC article joins from 0.20: 0.22 is the middle."""

    next_day_cosine: float = 0.27
    """Two pieces in one language dated a day apart, the later a next-day account of the
    earlier's day (its lead says "yesterday", "the previous afternoon", or names the
    weekday of the day before; no "a day after" follow-up), count as of one day when
    their cosine is at least this. Both are dated, so no other week can match; the floor
    keeps a next-day piece on other matters out (the parade the day after the leaders
    arrived). Over every candidate pair so matched in the labelled sets: of one event
    from 0.132 (most from 0.30), of different events 0.243 and 0.246 (a minister's other
    meeting of the same afternoon against the next-day reprint of the treaty he signed:
    events12), then 0.288 (one outlet's two pieces, which `same_outlet` counts against)
    and 0.367 (an article set). Every set scores the same from 0.25 to 0.29 alone
    (events12 fails precision at 0.20 and below, articles-dev loses a pair at 0.30):
    0.27 is the middle. Fitted on events12's one hard negative, so the next blind set
    will say whether it holds."""

    anchor_terms: int = 4
    """Telling numbers (three characters or more, as rare as the rarest words) added to an
    article's candidate lookup, so that a version in another script, whose words share
    nothing, is compared at all."""

    undated_margin: float = 0.15
    """An article without a date joins the event of its strongest link to a dated article
    only when every link to an article of another date (more than `candidate_days` away) is
    weaker by this much in log-odds; otherwise it joins no dated event: a near tie between
    two dates is a coin toss (an undated rate-decision piece scored 0.367 against the next
    month's decision and 0.363 against its own). In log-odds, not as a ratio of
    probabilities: an undated piece that names the weekday of two recurring events scores
    0.97 and 0.95 against them, a ratio under any margin but still a clear choice, and the
    ratio 1.05 used before lost it. Scores are flat from 0.02 to 0.3 on every set; at 0.5
    and above correct placements are lost (events3, events5, stories-dev)."""

    title_weight: int = 3
    """The title's words count this many times in the term vector: a headline names the
    event, but a higher weight let shared headline words ("Kim", "summit") merge neighbours."""

    max_terms: int = 80
    """Terms kept per article vector (highest TF-IDF first). Cosine on the 80 strongest terms
    differs from the full vector by < 0.01 on the dev set and keeps 100k articles in memory."""

    candidate_terms: int = 12
    """Rarest-weighted terms per article used to look up candidate articles; a same-event
    pair on the dev set always shares at least two of its twelve strongest terms."""

    candidate_days: int = 4
    """Candidates are looked up within this many days either side (undated articles are
    compared with everything that shares terms); past it the date factor kills the link."""

    min_candidate_idf: float = 1.0
    """Terms looked up for candidates must be this rare (idf 1.0: in at most about a third of
    the corpus). Ten thousand two-line briefs share "brief" and "item"; looking those up
    compared each with all the others. No dev-set pair needs a commoner term."""

    rescore_pairs: int = 2
    """Most pairs never scored (never each other's candidates: no shared strong term) that
    are scored when a version (an article and its near copies) is about to join a story,
    instead of counting 0 in the average (`clustering.agglomerate`): only while they are a
    minority of the pairs across, and only between two dated articles (an undated piece's
    links are chosen by `undated_margin`). 1 and 2 join the same versions on every labelled
    set (events12 +3 pairs, events15-own +3, events4 beside the BBC +4, none wrong); from 4
    on, beside the BBC, a Russian bridge piece of the parade day joined articles-dev's
    14-article parade story on 6 pairs never compared (+14 wrong pairs). stories17."""

    max_candidates: int = 60
    """Most candidates scored per article (by shared strong terms): keeps a burst of similar
    articles (a big corpus with recombined text) from costing quadratic time."""

    background_docs: float = 50.0
    """General-English pseudo-articles set beside the corpus for document frequencies (see
    background.py): they decide term weights in a small corpus and fade in a large one.
    Without them the five seeds share no weighted word (every word is in most of them) and
    the hand-written set lost its stories; 50 and 100 score alike on stories-dev, 200 and
    more let general news words outweigh the corpus's own (pairwise precision fell)."""

    max_idf: float = 2.5
    """Cap on a term's idf: every term rarer than about one article in twelve weighs the
    same. Without it, the same events scored higher in a large mixed corpus than in a small
    one (names like "Modi" or "LAFC" become ever rarer), so the right threshold moved with
    the corpus: stories-dev alone wanted 0.21, inside the BBC articles 0.25 and up. With the
    cap at 2.5 both are at their best from 0.25 to 0.27 (3.0 and 3.5 overlap less)."""

    df_smoothing: float = 0.5
    """Added to every document frequency: idf = ln((N + 1) / (df + 0.5)), so a word seen once
    in a tiny corpus is not infinitely strong."""


DEFAULT_PARAMS = StoryParams()


@dataclass(frozen=True)
class CompareParams:
    """Thresholds of the sentence comparison between two versions of a story."""

    same_fact: float = 0.35
    """Dice overlap of content words (numbers aside) at which two sentences report one fact.
    Chosen on the seeds and the dev stories by reading the pairs: at 0.35 paraphrases of one
    fact by two outlets match ("among 26 foreign leaders who attend the parade" / "among some
    25 leaders who attend the military parade" is 0.5) and different facts about the same
    people mostly do not (0.1-0.3)."""

    same_sentence: float = 0.7
    """Above this, two sentences are one sentence edited: a changed name is then a
    discrepancy, not a different fact (below it names differ all the time)."""

    min_terms: int = 3
    """Sentences with fewer content words ("He declined to comment.") are not compared."""


DEFAULT_COMPARE = CompareParams()
