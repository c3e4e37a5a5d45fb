//! `podcue completions` and `podcue man`: shell completions and a man page, both generated
//! from the same clap definition as the parser (clap_complete, clap_mangen).

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::exit;

/// Print a shell completion script on stdout.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue completions bash > ~/.local/share/bash-completion/completions/podcue
  podcue completions zsh > ~/.zfunc/_podcue
  podcue completions fish > ~/.config/fish/completions/podcue.fish")]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Print the man page (roff) on stdout.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue man > podcue.1 && man ./podcue.1
  podcue man | gzip > /usr/local/share/man/man1/podcue.1.gz")]
pub struct ManArgs {}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn emit(bytes: &[u8]) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(exit::OK),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(e) => Err(e.into()),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut cmd = super::Cli::command();
    // Into a buffer first: clap_complete panics when its writer fails.
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "podcue", &mut buf);
    emit(&buf)
}

pub fn run_man(_args: ManArgs) -> anyhow::Result<u8> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(super::Cli::command()).render(&mut buf)?;
    emit(&buf)
}
