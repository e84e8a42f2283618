"""The languages of the corpus: which one an article is written in, how its words are
stemmed, and the folded form under which any spelling of a word is found."""
