//! The load generator: keep-alive HTTP/1.1 connections over loopback, each a task of this
//! process's single-threaded runtime, while the server runs in a process of its own. A bare
//! request loop rather than an HTTP client library, so the load costs the shared cores little.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub struct Figures {
    pub rps: f64,
    pub p50: Duration,
    pub p99: Duration,
    /// Bytes of one response body, the largest received.
    pub body: usize,
}

/// What one stretch of load saw: every request's latency, the stretch's length, the largest body.
#[derive(Default)]
pub struct Sample {
    latencies: Vec<Duration>,
    seconds: f64,
    body: usize,
}

impl Sample {
    /// Adds another stretch of the same requests, as if it had followed this one.
    pub fn merge(&mut self, other: Sample) {
        self.latencies.extend(other.latencies);
        self.seconds += other.seconds;
        self.body = self.body.max(other.body);
    }

    /// Requests a second over all its stretches, and the percentiles over all their requests.
    pub fn figures(mut self) -> Figures {
        let all = &mut self.latencies;
        all.sort();
        let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
        Figures {
            rps: all.len() as f64 / self.seconds,
            p50: pct(0.50),
            p99: pct(0.99),
            body: self.body,
        }
    }
}

/// `connections` clients cycling through `paths` for `duration`, as the bearer of `token`.
pub async fn load(
    addr: SocketAddr,
    token: &str,
    paths: &[String],
    connections: usize,
    duration: Duration,
) -> Sample {
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut tasks = vec![];
    for c in 0..connections {
        let requests: Vec<Vec<u8>> = paths
            .iter()
            .map(|p| {
                format!("GET {p} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n")
                    .into_bytes()
            })
            .collect();
        tasks.push(tokio::spawn(async move {
            let stream = TcpStream::connect(addr).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let mut stream = BufReader::new(stream);
            let (mut latencies, mut body, mut size) = (vec![], vec![], 0);
            let mut i = c;
            while Instant::now() < deadline {
                let t = Instant::now();
                stream
                    .get_mut()
                    .write_all(&requests[i % requests.len()])
                    .await
                    .unwrap();
                size = read_response(&mut stream, &mut body).await;
                latencies.push(t.elapsed());
                i += 1;
            }
            (latencies, size)
        }));
    }
    let mut all = vec![];
    let mut body = 0;
    for t in tasks {
        let (latencies, size) = t.await.unwrap();
        all.extend(latencies);
        body = body.max(size);
    }
    Sample {
        latencies: all,
        seconds: started.elapsed().as_secs_f64(),
        body,
    }
}

/// Reads one response (status 200, sized by Content-Length) into `body`; returns its length.
async fn read_response(stream: &mut BufReader<TcpStream>, body: &mut Vec<u8>) -> usize {
    let mut line = String::new();
    let mut length = None;
    let mut first = true;
    loop {
        line.clear();
        stream.read_line(&mut line).await.unwrap();
        if first {
            assert!(line.starts_with("HTTP/1.1 200"), "{line}");
            first = false;
        } else if line == "\r\n" {
            break;
        } else if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let length = length.expect("a sized response");
    body.resize(length, 0);
    stream.read_exact(body).await.unwrap();
    length
}
