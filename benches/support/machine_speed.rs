//! How fast this machine's cores are right now, as one figure a reader can compare between
//! runs: SHA-256 over 256 MiB on one thread. On a shared virtual machine the host's load
//! changes a core's speed from one hour to the next (the same build's round trips and argon2
//! logins both a third slower); printed beside a bench's figures, it tells a slow host from
//! slow code.

use std::time::Instant;

const CHUNK: usize = 1 << 20;
const CHUNKS: usize = 256;

/// MB/s of SHA-256 on the calling thread.
pub fn sha256_mb_per_s() -> f64 {
    let data = vec![0x5a_u8; CHUNK];
    let started = Instant::now();
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    for _ in 0..CHUNKS {
        context.update(&data);
    }
    std::hint::black_box(context.finish());
    (CHUNK * CHUNKS) as f64 / 1e6 / started.elapsed().as_secs_f64()
}
