//! The server of a benchmark, in a child process running the benchmark's own program with
//! [`SERVE`] set to the database it serves: the load comes from the parent, so the server's
//! runtime does not share its threads with it. Shared by the app's benchmark of a list too long
//! to hold.

use std::io::{BufRead, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};

/// Set in the child process: the database it serves.
pub const SERVE: &str = "SESAME_BENCH_SERVE";

/// The child: serves `url` with `config` on a runtime of its own (two threads, as many as the
/// machine's cores) until its standard input closes; prints its address first.
pub fn serve(url: &str, config: sesame_server::Config) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let running = runtime
        .block_on(sesame_server::start(url, "127.0.0.1:0", config))
        .unwrap();
    println!("{}", running.addr);
    let _ = std::io::stdin().read_to_end(&mut vec![]);
    runtime.block_on(running.stop());
}

/// The parent's handle on the child; the child stops when this is dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    pub fn spawn(url: &str) -> Server {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env(SERVE, url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line.trim().parse().expect("the server's address");
        Server { child, addr }
    }

    /// The server's resident memory, in MB.
    pub fn resident_mb(&self) -> f64 {
        self.status_mb("VmRSS:")
    }

    /// The part of [`Server::resident_mb`] that is the process's own memory, not pages of
    /// files it maps (SQLite's database file, read through a memory map, is counted in the
    /// resident size once for each reader mapping it, while the system holds it once).
    pub fn anonymous_mb(&self) -> f64 {
        self.status_mb("RssAnon:")
    }

    fn status_mb(&self, field: &str) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take()); // the child stops when its input closes
        let _ = self.child.wait();
    }
}

/// A measure of the server's `/metrics` (`sesame_search_index{measure="…"}`).
pub async fn index_measure(base: &str, measure: &str) -> i64 {
    let text = reqwest::get(format!("{base}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let key = format!("sesame_search_index{{measure=\"{measure}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&key))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}
