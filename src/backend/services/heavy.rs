//! Expensive work — decoding images, hashing passwords — runs off the async threads and at
//! most one job per core at a time, process-wide. A burst of uploads or logins then waits its
//! turn instead of taking all memory (each image job may hold hundreds of megabytes, each
//! argon2 hash 19 MiB) or starving the requests that are cheap.

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

fn semaphore() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(slots()))
}

/// Runs `job` on a blocking thread once a slot is free.
pub async fn run<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HeavyJobError> {
    let _permit = semaphore().acquire().await.map_err(|_| HeavyJobError)?;
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
            tokio::spawn(run(move || {
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
}
