import pytest

from paperfold.papers.identity import fold, folded_words


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
