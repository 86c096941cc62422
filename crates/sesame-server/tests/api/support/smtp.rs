//! A real SMTP server on a loopback port, speaking the protocol through the `mailin` crate,
//! that keeps every message it receives.

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

use mailin::{Action, Handler, Response, SessionBuilder};

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn subject(&self) -> String {
        let m = mailparse::parse_mail(&self.raw).unwrap();
        m.headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
            .map(|h| h.get_value())
            .unwrap_or_default()
    }
    pub fn body(&self) -> String {
        mailparse::parse_mail(&self.raw)
            .unwrap()
            .get_body()
            .unwrap()
    }
    pub fn header(&self, name: &str) -> String {
        let m = mailparse::parse_mail(&self.raw).unwrap();
        m.headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case(name))
            .map(|h| h.get_value())
            .unwrap_or_default()
    }
}

#[derive(Clone)]
struct Keep {
    inbox: Arc<Mutex<Vec<Received>>>,
    current: Option<Received>,
}

impl Handler for Keep {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = Some(Received {
            from: from.into(),
            to: to.to_vec(),
            raw: vec![],
        });
        mailin::response::OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(c) = &mut self.current {
            c.raw.extend_from_slice(buf);
        }
        Ok(())
    }
    fn data_end(&mut self) -> Response {
        if let Some(c) = self.current.take() {
            self.inbox.lock().unwrap().push(c);
        }
        mailin::response::OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(vec![]));
        let shared = inbox.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let inbox = shared.clone();
                std::thread::spawn(move || {
                    let handler = Keep {
                        inbox,
                        current: None,
                    };
                    let ip: IpAddr = "127.0.0.1".parse().unwrap();
                    let mut session = SessionBuilder::new("sesame-test-smtp").build(ip, handler);
                    let mut writer = stream.try_clone().unwrap();
                    let _ = session.greeting().write_to(&mut writer);
                    let mut reader = BufReader::new(stream);
                    let mut line = vec![];
                    loop {
                        line.clear();
                        match reader.read_until(b'\n', &mut line) {
                            Ok(0) | Err(_) => break,
                            Ok(_) => {}
                        }
                        let response = session.process(&line);
                        match response.action {
                            Action::Reply => {
                                let _ = response.write_to(&mut writer);
                                let _ = writer.flush();
                            }
                            Action::Close => {
                                let _ = response.write_to(&mut writer);
                                break;
                            }
                            Action::NoReply | Action::UpgradeTls => {}
                        }
                    }
                });
            }
        });
        SmtpServer { port, inbox }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits (up to 20 s) until `n` messages arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            let r = self.received();
            if r.len() >= n {
                return r;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("expected {n} mails, got {}", self.received().len());
    }
}
