import pytest

from paperfold.merge import fold, folded_words


@pytest.mark.parametrize("text", [
    "Logit regularization, the addition of a convex penalty (see arXiv:2011.06063).",
    "snake_case words_and CamelCase; ÉCOLE Straße ﬁnite",   # "_" separates; NFKC, casefold
    r"Scaling as $k^{-\beta_\text{eff}}$ with 50% of \emph{data}",  # LaTeX rendered first
    "  ... ",
    "",
])
@pytest.mark.parametrize("limit", [1, 3, 40])
def test_folded_words_are_the_first_words_of_fold(text, limit):
    assert folded_words(text, limit) == fold(text).split()[:limit]
