//! The CPU time a process has used (user and system), and the time the host took from this
//! virtual machine's cores, as Linux reports them in /proc.

use std::time::Duration;

pub fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The command's name (the second field) is in brackets and may hold spaces: count the
    // fields after it, where utime and stime are the 12th and 13th.
    let after_name = stat.rsplit_once(") ").map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    from_ticks(ticks)
}

/// The time, summed over the cores, that the hypervisor ran something else while this
/// machine's cores wanted to run ("steal", the eighth figure of /proc/stat's `cpu` line).
pub fn stolen_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let steal = stat
        .lines()
        .find(|line| line.starts_with("cpu "))
        .and_then(|line| line.split_whitespace().nth(8))
        .and_then(|t| t.parse::<u64>().ok())
        .unwrap_or(0);
    from_ticks(steal)
}

fn from_ticks(ticks: u64) -> Duration {
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    Duration::from_secs_f64(ticks as f64 / per_second)
}
