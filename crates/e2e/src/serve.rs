//! A static file server on 127.0.0.1 for a built site: it serves a folder under a URL prefix (and any extra
//! files at fixed paths), records which of the folder's files it sent, and can stop (the network goes away).
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A running server (random port); stops when dropped.
pub struct Server {
    pub port: u16,
    pub prefix: String,
    stop: Arc<AtomicBool>,
    served: Arc<Mutex<BTreeSet<PathBuf>>>,
    held: Arc<Mutex<Option<String>>>,
}

/// What a server serves.
struct Site {
    dir: PathBuf,
    prefix: String,
    /// `(URL path, file)`: served as they are, outside the prefix, and not recorded.
    extra: Vec<(String, PathBuf)>,
    served: Arc<Mutex<BTreeSet<PathBuf>>>,
    /// Requests for paths ending so wait until [`Server::release`] (a slow network, on cue).
    held: Arc<Mutex<Option<String>>>,
}

impl Server {
    /// Serve `dir` under `prefix` (e.g. "/" or "/counterclaim/"); the prefix itself is `index.html`.
    pub fn start(dir: PathBuf, prefix: &str) -> Server {
        Server::with_extra(dir, prefix, Vec::new())
    }

    /// [`Server::start`], also serving each `(URL path, file)` of `extra`.
    pub fn with_extra(dir: PathBuf, prefix: &str, extra: Vec<(String, PathBuf)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(Mutex::new(BTreeSet::new()));
        let held = Arc::new(Mutex::new(None));
        let site = Arc::new(Site { dir, prefix: prefix.to_string(), extra, served: served.clone(), held: held.clone() });
        let s = stop.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(conn) = conn {
                    let site = site.clone();
                    std::thread::spawn(move || serve_one(conn, &site));
                }
            }
        });
        Server { port, prefix: prefix.to_string(), stop, served, held }
    }

    /// Answer no request for a path ending with `suffix` (e.g. `".wasm"`) until [`Server::release`].
    pub fn hold(&self, suffix: &str) {
        *self.held.lock().unwrap() = Some(suffix.to_string());
    }

    /// Answer the held requests, and every request from now on.
    pub fn release(&self) {
        *self.held.lock().unwrap() = None;
    }

    /// The URL of the site with an optional query (`"?stance=refutes"`).
    pub fn url(&self, query: &str) -> String {
        format!("http://127.0.0.1:{}{}{}", self.port, self.prefix, query)
    }

    /// Stop accepting connections (the "network" goes away).
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }

    /// The files of the folder sent so far, sorted.
    pub fn served(&self) -> Vec<PathBuf> {
        self.served.lock().unwrap().iter().cloned().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The content type of a file, by its extension.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

impl Site {
    /// The file a request path names, and whether it is one of the folder's.
    fn file(&self, path: &str) -> Option<(PathBuf, bool)> {
        if let Some((_, f)) = self.extra.iter().find(|(p, _)| p == path) {
            return Some((f.clone(), false));
        }
        if path.contains("..") {
            return None;
        }
        let rest = path.strip_prefix(self.prefix.as_str())?.trim_start_matches('/');
        // A folder's address (`…/`) is its index.html.
        let file = if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() };
        Some((self.dir.join(file), true))
    }
}

fn serve_one(mut conn: TcpStream, site: &Site) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map(|n| n == 0).unwrap_or(true) || h == "\r\n" {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    while site.held.lock().unwrap().as_deref().is_some_and(|h| path.ends_with(h)) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let (status, body, ctype) = match site.file(path) {
        Some((f, in_dir)) if f.is_file() => {
            let mut b = Vec::new();
            std::fs::File::open(&f).and_then(|mut h| h.read_to_end(&mut b)).ok();
            if in_dir {
                site.served.lock().unwrap().insert(f.clone());
            }
            ("200 OK", b, mime(&f))
        }
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(&body);
    let _ = conn.shutdown(Shutdown::Both);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str) -> (String, String) {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        let mut s = TcpStream::connect(host).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let (head, body) = out.split_once("\r\n\r\n").unwrap();
        (head.lines().next().unwrap().to_string(), body.to_string())
    }

    #[test]
    fn serves_the_folder_under_its_prefix_and_records_what_it_sent() {
        let dir = std::env::temp_dir().join(format!("counterclaim-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>app</p>").unwrap();
        std::fs::write(dir.join("a.js"), "js").unwrap();
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::write(dir.join("b/index.html"), "<p>b</p>").unwrap();
        let extra = dir.with_extension("json");
        std::fs::write(&extra, "[]").unwrap();
        let s = Server::with_extra(dir.clone(), "/sub/", vec![("/__extra.json".into(), extra.clone())]);
        assert_eq!(get(&s.url("?x=1")), ("HTTP/1.1 200 OK".into(), "<p>app</p>".into()));
        assert_eq!(get(&s.url("a.js")).1, "js");
        assert_eq!(get(&s.url("b/")).1, "<p>b</p>", "a folder's index");
        assert_eq!(get(&format!("http://127.0.0.1:{}/__extra.json", s.port)).1, "[]");
        assert_eq!(get(&format!("http://127.0.0.1:{}/a.js", s.port)).0, "HTTP/1.1 404 Not Found", "outside the prefix");
        assert_eq!(get(&s.url("../etc/passwd")).0, "HTTP/1.1 404 Not Found");
        assert_eq!(s.served(), vec![dir.join("a.js"), dir.join("b/index.html"), dir.join("index.html")], "the folder's files only");
        // A held file is answered only once released.
        s.hold(".js");
        let url = s.url("a.js");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(get(&url).1).unwrap());
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "held");
        s.release();
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), "js", "released");
        s.stop();
        std::thread::sleep(Duration::from_millis(100));
        assert!(TcpStream::connect(("127.0.0.1", s.port)).is_err(), "stopped");
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_file(&extra).unwrap();
    }
}
