//! Expensive work — decoding images, hashing passwords — runs off the async threads, each
//! kind in its own queue of at most one job per core, process-wide. A burst of uploads or
//! logins then waits its turn instead of taking all memory (an image job holds up to some
//! 100 MB, an argon2 hash 19 MiB) or starving the requests that are cheap; and a login never
//! waits behind images. Strangers' images (the anonymous scanner) take one image worker at
//! most, so clinics verifying photos always find one free.

use std::sync::OnceLock;

use tokio::sync::Semaphore;

/// A heavy job could not finish (it panicked, or the runtime is shutting down).
#[derive(Debug, thiserror::Error)]
#[error("the server could not finish the work")]
pub struct HeavyJobError;

/// Makes big blocks go back to the system when freed. glibc's malloc otherwise raises its
/// mmap threshold each time such a block is freed, after which the 19 MiB of every argon2
/// hash and the buffers of every image come from per-thread heaps that keep them: a burst
/// of logins left the backend holding a gigabyte. With a fixed threshold, memory after a
/// burst is what it was before. Call once at start.
pub fn return_big_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a setting of the allocator; any value is accepted.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// How many heavy jobs run at once: the machine's cores.
pub fn slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The kinds of heavy work, each with its queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Hashing or checking a password (logins, registrations, PINs).
    Password,
    /// Decoding an image for a signed-in person or an institution.
    Image,
    /// Decoding an image anyone may send (the anonymous QR scanner).
    AnonymousImage,
}

fn queue(slots: &'static OnceLock<Semaphore>, size: usize) -> &'static Semaphore {
    slots.get_or_init(|| Semaphore::new(size))
}

fn passwords() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    queue(&SLOTS, slots())
}

fn images() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    queue(&SLOTS, slots())
}

fn anonymous_images() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    queue(&SLOTS, 1)
}

/// Runs `job` on a blocking thread once its queue has a free slot.
pub async fn run<T: Send + 'static>(
    work: Work,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HeavyJobError> {
    // A stranger's image first waits for the one slot strangers have, then for a worker.
    let _stranger = match work {
        Work::AnonymousImage => Some(
            anonymous_images()
                .acquire()
                .await
                .map_err(|_| HeavyJobError)?,
        ),
        _ => None,
    };
    let queue = match work {
        Work::Password => passwords(),
        Work::Image | Work::AnonymousImage => images(),
    };
    let _permit = queue.acquire().await.map_err(|_| HeavyJobError)?;
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|_| HeavyJobError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn never_more_jobs_than_cores() {
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let jobs = (0..16).map(|_| {
            let (running, peak) = (running.clone(), peak.clone());
            tokio::spawn(run(Work::Image, move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(20));
                running.fetch_sub(1, Ordering::SeqCst);
            }))
        });
        for job in jobs.collect::<Vec<_>>() {
            job.await.unwrap().unwrap();
        }
        assert!(peak.load(Ordering::SeqCst) <= slots());
        assert!(peak.load(Ordering::SeqCst) >= 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_password_never_waits_behind_images() {
        // Every image worker busy until the password's hash is done.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let wait = Arc::new(std::sync::Mutex::new(wait));
        let busy: Vec<_> = (0..slots() * 2)
            .map(|_| {
                let wait = wait.clone();
                tokio::spawn(run(Work::Image, move || {
                    let _ = wait.lock().unwrap().recv();
                }))
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let hashed = run(Work::Password, || 42).await.unwrap();
        assert_eq!(hashed, 42);
        for _ in 0..slots() * 2 {
            let _ = release.send(());
        }
        for job in busy {
            job.await.unwrap().unwrap();
        }
    }
}
