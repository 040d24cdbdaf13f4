//! A process's memory, as Linux reports it in /proc.

/// The process's peak resident set (VmHWM), in kB.
pub fn peak_rss_kb(pid: u32) -> u64 {
    proc_status_kb(pid, "VmHWM:")
}

/// The process's resident set now (VmRSS), in kB.
pub fn rss_kb(pid: u32) -> u64 {
    proc_status_kb(pid, "VmRSS:")
}

fn proc_status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}
