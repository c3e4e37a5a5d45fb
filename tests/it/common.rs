//! Helpers every area's tests share.

use std::path::{Path, PathBuf};

/// A fresh, empty folder for one test: `podcue-it-AREA-NAME-PID` in the system's temporary
/// folder (a leftover of an earlier run with the same process id is removed first).
pub(crate) fn temp_dir(area: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podcue-it-{area}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names of the files in `dir`, sorted (temporary files included: none may be left);
/// empty when `dir` does not exist.
pub(crate) fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
