//! Atomic file output: write to a temporary file beside the target, then rename over it, so a
//! reader (or an interrupted run) sees either the old file or the whole new one.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Error, Result};

/// Temporary files currently being written, so an interrupt handler can remove them.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every temporary file still being written, and returns holding the list's lock, so
/// that no file is made or renamed after it (call from a Ctrl-C handler, then exit). Writers
/// make their temporary files and rename a set of outputs under that lock: an interrupt comes
/// before or after each, never between a file's name going on the list and the file being
/// made, nor in the middle of a set landing.
pub fn remove_in_flight() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A writer that panicked holding the lock left the list as it was: still to be cleared.
    let list = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    for p in list.iter() {
        let _ = fs::remove_file(p);
    }
    list
}

/// Keeps a temporary file on the list [`remove_in_flight`] clears, until dropped: [`Staged`]'s
/// files, and ones written outside this module (tag's copy, made with the episode's
/// permissions).
pub struct InFlight(PathBuf);

impl InFlight {
    /// Registers `tmp`.
    pub fn new(tmp: &Path) -> Self {
        if let Ok(mut list) = IN_FLIGHT.lock() {
            list.push(tmp.to_path_buf());
        }
        InFlight(tmp.to_path_buf())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        forget_in_flight(&self.0);
    }
}

/// Temporary files made so far by this process: part of each one's name.
static TEMP_COUNT: AtomicU64 = AtomicU64::new(0);

/// A temporary name beside `target`, unique to this process and this write: two writes of the
/// same target at once (two batch episodes whose outputs clash under names the batch cannot
/// tell apart, as `Out` and `out` on a case-insensitive disk) must not share one temporary
/// file, or one's bytes would end up in the other's output.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = TEMP_COUNT.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.podcue-{}-{n}.tmp", std::process::id()))
}

/// Writes `target` atomically with `fill`. On any error the temporary file is removed and the
/// target is untouched.
pub fn write_file(
    target: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut staged = Staged::default();
    staged.write(target, fill)?;
    staged.commit().map(|_| ())
}

/// Writes `bytes` to `target` atomically.
pub fn write_bytes(target: &Path, bytes: &[u8]) -> Result<()> {
    write_file(target, |w| w.write_all(bytes))
}

/// Several outputs written together: each is written whole to a temporary file beside its
/// target, and only when every one is complete are they renamed over their targets. A run
/// that fails on its fourth output (a full disk, a folder in the way) leaves none of them, and
/// any older files of those names as they were. Dropped uncommitted, it removes its temporary
/// files.
#[derive(Default)]
pub struct Staged {
    /// (temporary file, target), in the order written.
    files: Vec<(InFlight, PathBuf)>,
}

impl Staged {
    /// Writes `target`'s content with `fill` to its temporary file.
    pub fn write(
        &mut self,
        target: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let tmp = temp_path(target);
        // Listed and made under the list's lock, so an interrupt removes it or comes before it
        // exists; kept on the list until committed or dropped, so an error or a panic removes
        // it too.
        let (guard, created) = {
            let mut list = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
            list.push(tmp.clone());
            (InFlight(tmp.clone()), File::create(&tmp))
        };
        self.files.push((guard, target.to_path_buf()));
        let result = (|| -> std::io::Result<()> {
            let mut w = BufWriter::new(created?);
            fill(&mut w)?;
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()
        })();
        result.map_err(|e| Error::io(target, e))
    }

    /// Renames every temporary file over its target; returns the targets in the order written.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        // A rename fails on a folder in a target's place: found before anything is renamed.
        // (Dropping `self` on this error removes every temporary file.)
        if let Some((_, target)) = self.files.iter().find(|(_, t)| t.is_dir()) {
            return Err(Error::io(
                target,
                std::io::Error::other("a folder of that name is in the way"),
            ));
        }
        let files = std::mem::take(&mut self.files);
        let mut done = Vec::with_capacity(files.len());
        let mut failure = None;
        {
            // The whole set lands under the list's lock: an interrupt waits for it.
            let mut list = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
            for (tmp, target) in &files {
                if failure.is_none() {
                    match fs::rename(&tmp.0, target) {
                        Ok(()) => done.push(target.clone()),
                        Err(e) => failure = Some(Error::io(target, e)),
                    }
                }
                if failure.is_some() {
                    let _ = fs::remove_file(&tmp.0);
                }
                list.retain(|p| p != &tmp.0);
            }
        }
        // Off the list already; the guards find nothing left to forget.
        drop(files);
        failure.map_or(Ok(done), Err)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Each guard then takes its file off the interrupt handler's list.
        for (tmp, _) in &self.files {
            let _ = fs::remove_file(&tmp.0);
        }
    }
}

fn forget_in_flight(tmp: &Path) {
    if let Ok(mut list) = IN_FLIGHT.lock() {
        list.retain(|p| p != tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("podcue-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.txt");
        fs::write(&target, "old").unwrap();
        write_bytes(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let err = write_file(&target, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).collect();
        assert_eq!(leftovers.len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Two writes of one target at once (two batch episodes whose outputs clash) each get
    /// their own temporary file, so neither's bytes land in the other's output.
    #[test]
    fn two_writes_of_one_target_do_not_share_a_temporary_file() {
        let dir = std::env::temp_dir().join(format!("podcue-twice-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.vtt");
        let mut first = Staged::default();
        first.write(&target, |w| w.write_all(b"first")).unwrap();
        let mut second = Staged::default();
        second
            .write(&target, |w| w.write_all(b"second, longer"))
            .unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "first");
        second.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "second, longer");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn staged_outputs_land_together_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("podcue-staged-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        fs::write(&a, "old a").unwrap();
        // The second output fails: the first is not replaced, and no temporary file is left.
        let mut staged = Staged::default();
        staged.write(&a, |w| w.write_all(b"new a")).unwrap();
        assert!(
            staged
                .write(&b, |_| Err(std::io::Error::other("disk full")))
                .is_err()
        );
        drop(staged);
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert!(!b.exists());
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        // Both written: both land, in order.
        let mut staged = Staged::default();
        staged.write(&a, |w| w.write_all(b"new a")).unwrap();
        staged.write(&b, |w| w.write_all(b"new b")).unwrap();
        assert_eq!(staged.commit().unwrap(), vec![a.clone(), b.clone()]);
        assert_eq!(fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 2);
        fs::remove_dir_all(&dir).unwrap();
    }
}
