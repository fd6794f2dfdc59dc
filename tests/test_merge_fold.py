import pytest

from paperfold.papers.identity import NON_WORD, SCRIPT_MARK, _unified, fold, folded_words, title_key


@pytest.mark.parametrize("text", [
    "Logit regularization, the addition of a convex penalty (see arXiv:2011.06063).",
    "snake_case words_and CamelCase; ÉCOLE Straße ﬁnite",   # "_" separates; NFKC, casefold
    r"Scaling as $k^{-\beta_\text{eff}}$ with 50% of \emph{data}",  # LaTeX rendered first
    "  ... ",
    "tabs\tand\x1fcontrol\x7fcharacters, digits 2604.12345 and under_scores",  # ASCII: str.translate
    "mixed ASCII and non-ASCII: naïve café, x² and ½",
    "",
])
@pytest.mark.parametrize("limit", [1, 3, 40])
def test_folded_words_are_the_first_words_of_fold(text, limit):
    assert folded_words(text, limit) == fold(text).split()[:limit]


LATEX_ABSTRACTS = [
    r"We bound the loss by $\mathcal{O}(n^{2})$ with $\alpha = 0.5$ and \emph{no} tuning. " * 12,
    r"Caf\'e \textbf{results}: $$\sum_i x_i$$ then words " * 30,
    "A $stray dollar and " + "many plain words here " * 40,
    r"\textit{" + "unclosed argument words " * 60,
]


@pytest.mark.parametrize("text", LATEX_ABSTRACTS)
@pytest.mark.parametrize("limit", [5, 40])
def test_folded_words_of_long_latex_text_are_those_of_the_whole_text(text, limit):
    """folded_words folds only the start of a long text: the words must be those of fold()."""
    assert folded_words(text, limit) == fold(text).split()[:limit]


def test_a_huge_abstract_with_math_is_fingerprinted_quickly():
    """R5: math in a 5-20 MB abstract must not hang the merge (the whole text went through
    pylatexenc before). Its fingerprint depends on its first words only."""
    from paperfold.papers.identity import abstract_fingerprint

    opening = r"We study $\beta$-smooth losses with $\mathcal{O}(1/t)$ rates and \emph{sharp} bounds. " * 4
    huge = opening + r"Filler with math $x_i^{2}$ and $\{a\}$ and text. " * 200_000  # about 10 MB
    assert len(huge) > 9_000_000
    assert abstract_fingerprint(huge) == abstract_fingerprint(opening)


@pytest.mark.parametrize("text", [
    "Logit regularization, the addition of a convex penalty (see arXiv:2011.06063).",
    "snake_case words_and CamelCase; ÉCOLE Straße ﬁnite",
    r"$\pi_0$: A Flow Model and x^2 h_2o", "π₀: A Flow Model", "__init__ ^^ _x_",
    "tabs\tand\x1fcontrol\x7fcharacters", "  ... ", "",
])
def test_fold_and_title_key_are_the_pattern_forms(text):
    """fold() and title_key() take ASCII text through a bytes table: the same as the patterns give."""
    assert fold(text) == NON_WORD.sub(" ", _unified(text)).strip()
    assert title_key(text) == NON_WORD.sub(" ", SCRIPT_MARK.sub("", _unified(text))).strip()
