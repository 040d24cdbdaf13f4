//! The data directory: the database, the TLS material and the server key. It is readable by
//! the backend's user only (0700, files 0600), and one backend at a time owns it: a second
//! one on the same directory would fight over the database and the certificates.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// The lock file a running backend holds.
const LOCK_FILE: &str = "backend.lock";
/// The lock file held while the TLS material and the server key are prepared.
const PREPARE_LOCK_FILE: &str = "prepare.lock";

#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    #[error("cannot use the data directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "another backend is already running on the data directory {0} \
         (stop it first, or give this one its own --data-dir)"
    )]
    InUse(PathBuf),
}

/// The data directory, owned by this backend while the value lives.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    _lock: File,
}

impl DataDir {
    /// Creates the directory if needed, takes its lock, and makes it private.
    pub fn open(path: &Path) -> Result<Self, DataDirError> {
        Self::open_with(path, false)
    }

    /// The same for a backend whose database is elsewhere (PostgreSQL): several instances
    /// may share the directory's TLS material and key, but none while a backend keeps its
    /// SQLite file there.
    pub fn open_shared(path: &Path) -> Result<Self, DataDirError> {
        Self::open_with(path, true)
    }

    fn open_with(path: &Path, shared: bool) -> Result<Self, DataDirError> {
        let io = |source| DataDirError::Io {
            path: path.to_owned(),
            source,
        };
        std::fs::create_dir_all(path).map_err(io)?;
        make_private(path, 0o700).map_err(io)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path.join(LOCK_FILE))
            .map_err(io)?;
        let locked = if shared {
            lock.try_lock_shared()
        } else {
            lock.try_lock()
        };
        match locked {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(DataDirError::InUse(path.to_owned()))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        Ok(Self {
            path: path.to_owned(),
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Held while the TLS material and the server key are made or checked: instances that
    /// share the directory and start together wait for each other, so they end up with one
    /// CA and one key (two would each make their own, and each be distrusted by the other's
    /// clients).
    pub fn preparing(&self) -> Result<File, DataDirError> {
        let io = |source| DataDirError::Io {
            path: self.path.clone(),
            source,
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.path.join(PREPARE_LOCK_FILE))
            .map_err(io)?;
        lock.lock().map_err(io)?;
        Ok(lock)
    }

    /// Makes every file in the directory readable by the backend's user only (files that
    /// libraries create, such as the database, follow the process's umask otherwise).
    pub fn tighten(&self) -> Result<(), DataDirError> {
        let io = |source| DataDirError::Io {
            path: self.path.clone(),
            source,
        };
        for entry in std::fs::read_dir(&self.path).map_err(io)? {
            let entry = entry.map_err(io)?;
            if entry.file_type().map_err(io)?.is_file() {
                make_private(&entry.path(), 0o600).map_err(io)?;
            }
        }
        Ok(())
    }
}

/// Creates a new file readable and writable by the backend's user only.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    make_private(path, 0o600)?;
    Ok(file)
}

#[cfg(unix)]
fn make_private(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn make_private(_path: &Path, _mode: u32) -> std::io::Result<()> {
    // Windows: the per-user profile folder's ACLs already keep other users out.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_owner_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataDir::open(dir.path()).unwrap();
        assert!(matches!(
            DataDir::open(dir.path()),
            Err(DataDirError::InUse(_))
        ));
        drop(first);
        DataDir::open(dir.path()).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn private_to_the_backend_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::open(&dir.path().join("data")).unwrap();
        std::fs::write(data.path().join("nhi.db"), b"x").unwrap();
        data.tighten().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(data.path()), 0o700);
        assert_eq!(mode(&data.path().join("nhi.db")), 0o600);
    }
}
