//! Per-chapter export: takes an episode and its chapters, gives one WAV per chapter
//! (`NN-title-slug.wav`) at the source's sample rate and channel count. Boundaries are
//! sample-accurate (chapter k starts at frame `round(start_k * rate)`), the first chapter starts
//! at the first frame and the last runs to the end, so the parts add up to the episode.
//! WAV output goes through hound, here until `audio::wav` offers a streaming writer.

use std::fs;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::audio::AudioInfo;
use crate::chapters::Chapter;
use crate::progress::Observer;
use crate::{Error, Result};

/// Sample format of the chapter files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SampleFormat {
    /// 16-bit integer PCM: plays everywhere.
    #[default]
    Pcm16,
    /// 32-bit float: keeps every decoded sample exactly.
    Float32,
}

/// `NN-title-slug.wav` for chapter `index` (0-based) of `count`.
pub fn file_name(index: usize, count: usize, title: &str) -> String {
    let width = count.to_string().len().max(2);
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(48).collect();
    slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        slug = "chapter".into();
    }
    format!("{:0width$}-{slug}.wav", index + 1)
}

type Wav = hound::WavWriter<BufWriter<fs::File>>;

/// Streams interleaved audio into one WAV per chapter.
pub struct ChapterSplitter {
    dir: PathBuf,
    names: Vec<String>,
    /// First frame of each chapter (the first is always 0).
    starts: Vec<u64>,
    format: SampleFormat,
    channels: u16,
    rate: u32,
    frame: u64,
    current: Option<(usize, Wav, PathBuf)>,
    /// Chapters whose temporary file is complete, and the file each becomes.
    done: Vec<(usize, PathBuf)>,
    temps: Vec<PathBuf>,
}

fn wav_err(path: &Path, e: hound::Error) -> Error {
    match e {
        hound::Error::IoError(io) => Error::io(path, io),
        other => Error::io(path, std::io::Error::other(other.to_string())),
    }
}

impl ChapterSplitter {
    /// A splitter writing into `dir` (which must exist) for audio at `rate` Hz, `channels`.
    pub fn new(
        dir: &Path,
        chapters: &[Chapter],
        rate: u32,
        channels: u16,
        format: SampleFormat,
    ) -> Result<Self> {
        if chapters.is_empty() || rate == 0 || channels == 0 {
            return Err(Error::Stage {
                stage: "split",
                message: "no chapters, or audio without rate/channels".into(),
            });
        }
        let mut starts: Vec<u64> = chapters
            .iter()
            .map(|c| (c.start.max(0.0) * f64::from(rate)).round() as u64)
            .collect();
        starts[0] = 0;
        for i in 1..starts.len() {
            if starts[i] < starts[i - 1] {
                return Err(Error::Stage {
                    stage: "split",
                    message: format!("chapter {} starts before chapter {}", i + 1, i),
                });
            }
        }
        let names = chapters
            .iter()
            .enumerate()
            .map(|(i, c)| file_name(i, chapters.len(), &c.title))
            .collect();
        Ok(ChapterSplitter {
            dir: dir.to_path_buf(),
            names,
            starts,
            format,
            channels,
            rate,
            frame: 0,
            current: None,
            done: Vec::new(),
            temps: Vec::new(),
        })
    }

    fn chapter_at(&self, frame: u64) -> usize {
        self.starts
            .partition_point(|&s| s <= frame)
            .saturating_sub(1)
    }

    fn open(&mut self, index: usize) -> Result<()> {
        self.close()?;
        let target = self.dir.join(&self.names[index]);
        let tmp = self.temp_of(index);
        let spec = hound::WavSpec {
            channels: self.channels,
            sample_rate: self.rate,
            bits_per_sample: if self.format == SampleFormat::Pcm16 {
                16
            } else {
                32
            },
            sample_format: if self.format == SampleFormat::Pcm16 {
                hound::SampleFormat::Int
            } else {
                hound::SampleFormat::Float
            },
        };
        self.temps.push(tmp.clone());
        let w = hound::WavWriter::create(&tmp, spec).map_err(|e| wav_err(&tmp, e))?;
        self.current = Some((index, w, target));
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if let Some((index, w, target)) = self.current.take() {
            let tmp = self.temp_of(index);
            w.finalize().map_err(|e| wav_err(&tmp, e))?;
            // Renamed in `finish`, all together: a split that fails halfway (a full disk, a
            // corrupt stretch of audio) leaves no chapter files of its own behind.
            self.done.push((index, target));
        }
        Ok(())
    }

    /// The temporary file of chapter `index`.
    fn temp_of(&self, index: usize) -> PathBuf {
        self.dir.join(format!(
            ".{}.podcue-{}.tmp",
            self.names[index],
            std::process::id()
        ))
    }

    /// Adds interleaved samples (a whole number of frames).
    pub fn push(&mut self, interleaved: &[f32]) -> Result<()> {
        let ch = usize::from(self.channels);
        for frame in interleaved.chunks_exact(ch) {
            let index = self.chapter_at(self.frame);
            if self.current.as_ref().map(|c| c.0) != Some(index) {
                self.open(index)?;
            }
            if let Some((_, w, target)) = self.current.as_mut() {
                for &s in frame {
                    let r = match self.format {
                        SampleFormat::Pcm16 => {
                            w.write_sample((s.clamp(-1.0, 1.0) * 32767.0).round() as i16)
                        }
                        SampleFormat::Float32 => w.write_sample(s),
                    };
                    r.map_err(|e| wav_err(target, e))?;
                }
            }
            self.frame += 1;
        }
        Ok(())
    }

    /// Closes the last file and returns the paths written, in chapter order. Chapters that
    /// start after the end of the audio get no file.
    pub fn finish(mut self) -> Result<Vec<PathBuf>> {
        self.close()?;
        let done = std::mem::take(&mut self.done);
        for (index, target) in &done {
            let tmp = self.temp_of(*index);
            fs::rename(&tmp, target).map_err(|e| Error::io(target, e))?;
            self.temps.retain(|t| t != &tmp);
        }
        Ok(done.into_iter().map(|(_, target)| target).collect())
    }
}

impl Drop for ChapterSplitter {
    fn drop(&mut self) {
        // An unfinished split leaves no half-written file behind.
        self.current = None;
        for t in &self.temps {
            let _ = fs::remove_file(t);
        }
    }
}

/// The files [`split_file`] writes into `dir` for `chapters` (a chapter that starts after the
/// end of the audio gets none), so a caller can check them before decoding.
pub fn output_paths(dir: &Path, chapters: &[Chapter]) -> Vec<PathBuf> {
    chapters
        .iter()
        .enumerate()
        .map(|(i, c)| dir.join(file_name(i, chapters.len(), &c.title)))
        .collect()
}

/// What [`split_file`] wrote.
#[derive(Debug, Clone)]
pub struct Split {
    /// The WAV files, in chapter order.
    pub files: Vec<PathBuf>,
    /// The chapters as cut ([`crate::tag::fit`]: each runs to the next one's start, the last to
    /// the end of the audio, whatever ends the chapters file gave).
    pub chapters: Vec<Chapter>,
}

/// Decodes `input` and writes one WAV per chapter into `dir` (created if missing). Chapters
/// out of order or at the same time, or one that starts after the end of the audio, are an
/// error and nothing is written, as [`crate::tag`] refuses them. The parts add up to the
/// audio: the last chapter takes the audio after its end in the chapters file, as `tag`
/// makes it end with the episode.
pub fn split_file(
    input: &Path,
    chapters: &[Chapter],
    dir: &Path,
    format: SampleFormat,
    observer: &dyn Observer,
) -> Result<Split> {
    // The rules `tag` applies to the same chapters, said as split's: in order, none at the
    // same time (checked before decoding), none past the end of the audio (after it).
    let as_split = |e: Error| match e {
        Error::Stage { message, .. } => Error::Stage {
            stage: "split",
            message,
        },
        other => other,
    };
    crate::tag::check_order(chapters).map_err(as_split)?;
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut splitter: Option<ChapterSplitter> = None;
    let mut failure: Option<Error> = None;
    let info: AudioInfo =
        crate::audio::decode::decode_interleaved(input, observer, &mut |block, info| {
            if failure.is_some() {
                return;
            }
            if splitter.is_none() {
                match ChapterSplitter::new(dir, chapters, info.sample_rate, info.channels, format) {
                    Ok(s) => splitter = Some(s),
                    Err(e) => {
                        failure = Some(e);
                        return;
                    }
                }
            }
            if let Some(s) = splitter.as_mut()
                && let Err(e) = s.push(block)
            {
                failure = Some(e);
            }
        })?;
    if let Some(e) = failure {
        return Err(e);
    }
    let splitter = splitter.ok_or_else(|| Error::Audio {
        path: input.to_path_buf(),
        message: "no audio decoded".into(),
    })?;
    // Nothing is written when they do not fit (the splitter's files are removed on drop).
    let fitted =
        crate::tag::fit(chapters, crate::tag::Length::Measured(info.duration)).map_err(as_split)?;
    Ok(Split {
        files: splitter.finish()?,
        chapters: fitted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_numbered_slugs() {
        assert_eq!(
            file_name(0, 5, "How the Co-op started?"),
            "01-how-the-co-op-started.wav"
        );
        assert_eq!(file_name(9, 120, "  !!  "), "010-chapter.wav");
        assert_eq!(file_name(2, 3, "Café – l’été"), "03-café-l-été.wav");
    }

    #[test]
    fn parts_add_up_and_boundaries_are_sample_accurate() {
        let dir = std::env::temp_dir().join(format!("podcue-split-unit-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let rate = 8000;
        let ch = |s: f64, t: &str| Chapter {
            start: s,
            end: s,
            title: t.into(),
        };
        let chapters = vec![ch(0.0, "A"), ch(1.00006, "B"), ch(2.5, "C")];
        let mut sp = ChapterSplitter::new(&dir, &chapters, rate, 2, SampleFormat::Float32).unwrap();
        let total_frames = 3 * rate as usize + 17;
        // Sample value = frame index, to check where each part starts.
        let samples: Vec<f32> = (0..total_frames)
            .flat_map(|i| [i as f32, -(i as f32)])
            .collect();
        for block in samples.chunks(2 * 1001) {
            sp.push(block).unwrap();
        }
        let files = sp.finish().unwrap();
        assert_eq!(files.len(), 3);
        let mut sum = 0;
        let expect_start = [0u32, 8000, 20000];
        for (f, start) in files.iter().zip(expect_start) {
            let mut r = hound::WavReader::open(f).unwrap();
            assert_eq!(r.spec().channels, 2);
            assert_eq!(r.spec().sample_rate, rate);
            sum += r.duration() as usize;
            let first: f32 = r.samples::<f32>().next().unwrap().unwrap();
            assert_eq!(first, start as f32);
        }
        assert_eq!(sum, total_frames);
        fs::remove_dir_all(&dir).unwrap();
    }
}
