"""Reading: files of a corpus folder into clean articles (decode, clean, split, metadata)."""

# The file in a corpus folder listing what is not an article (see search.reading.ignoring);
# here, where telling whether it changed imports none of the rules' regular expressions.
IGNORE_FILE = ".briefingignore"
