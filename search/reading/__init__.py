"""Reading: files of a corpus folder into clean articles (decode, clean, split, metadata)."""
