//! The files a user names, opened for reading. Takes a path; gives a text file's bytes, read
//! whole but bounded (a device or a pipe that never ends cannot fill memory or hang a batch),
//! or checks that an audio path is a regular file (the decoders seek, and reopen it for
//! parallel stretches). Errors say what the path is instead.

use std::io::{Error, ErrorKind, Read};
use std::path::Path;

/// Largest text file read (transcripts, caption and chapter files, manifests): 100 MB, some
/// thousands of hours of speech.
pub const MAX_TEXT_BYTES: u64 = 100 << 20;

/// The bytes of the text file at `path`, at most [`MAX_TEXT_BYTES`].
pub fn read_text(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(Error::other("it is a folder, not a file"));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_TEXT_BYTES) as usize);
    file.take(MAX_TEXT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!(
                "it is over {} MB, too large for a text file; is it the right file?",
                MAX_TEXT_BYTES >> 20
            ),
        ));
    }
    Ok(bytes)
}

/// Why `-` cannot be the audio path, and what to do instead.
pub const STDIN_AUDIO: &str = "reading audio from stdin is not supported (the decoders seek in \
    the file); give the audio file's path, or save the stream to a file first";

/// `Ok` when `path` is a regular file; otherwise an error saying what it is.
pub fn audio_file(path: &Path) -> std::io::Result<()> {
    // `-` means stdin elsewhere on the command line; here it is not a file that went missing.
    if path == Path::new("-") && !path.exists() {
        return Err(Error::new(ErrorKind::Unsupported, STDIN_AUDIO));
    }
    match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => {
            Err(Error::new(ErrorKind::NotFound, "no such audio file"))
        }
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => Err(Error::other("it is a folder, not an audio file")),
        Ok(meta) if !meta.is_file() => Err(Error::other(
            "not a regular file (a device or a pipe); save the audio to a file first",
        )),
        Ok(_) => Ok(()),
    }
}

/// True when `a` and `b` name the same file: the same path once resolved (symbolic links,
/// `..`, another spelling), or, on Unix, the same inode (a hard link). A path that does not
/// exist yet is compared as written, resolved through its folder.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let resolved = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let folder = p.parent().filter(|f| !f.as_os_str().is_empty());
            let folder = std::fs::canonicalize(folder.unwrap_or(Path::new("."))).ok()?;
            Some(folder.join(p.file_name()?))
        })
    };
    if let (Some(x), Some(y)) = (resolved(a), resolved(b))
        && x == y
    {
        return true;
    }
    same_inode(a, b)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_is_not_read_to_the_end() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert!(err.to_string().contains("too large"));
    }

    #[test]
    fn folders_and_devices_are_not_audio_files() {
        let dir = std::env::temp_dir();
        assert!(audio_file(&dir).unwrap_err().to_string().contains("folder"));
        assert!(read_text(&dir).unwrap_err().to_string().contains("folder"));
        let device = audio_file(Path::new("/dev/null")).unwrap_err();
        assert!(device.to_string().contains("not a regular file"));
        let missing = audio_file(Path::new("/no/such/episode.mp3")).unwrap_err();
        assert_eq!(missing.kind(), ErrorKind::NotFound);
    }

    #[test]
    fn the_same_file_under_other_names() {
        let dir = std::env::temp_dir().join(format!("podcue-same-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, "x").unwrap();
        assert!(same_file(&file, &dir.join("sub/../a.txt")));
        assert!(!same_file(&file, &dir.join("b.txt")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&file, dir.join("link.txt")).unwrap();
            std::fs::hard_link(&file, dir.join("hard.txt")).unwrap();
            assert!(same_file(&file, &dir.join("link.txt")));
            assert!(same_file(&dir.join("hard.txt"), &file));
        }
        // A path not made yet is compared through its folder.
        assert!(same_file(&dir.join("new.txt"), &dir.join("sub/../new.txt")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
