//! Generation of strings matching a regular expression (in progress).
