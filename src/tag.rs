//! Chaptered episodes: ID3v2 CHAP/CTOC into a copy of an MP3, QuickTime + Nero chapters into
//! a copy of an M4A.
